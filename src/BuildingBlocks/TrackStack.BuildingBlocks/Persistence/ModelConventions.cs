using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.BuildingBlocks.Persistence;

public static class ModelConventions
{
    /// <summary>Tables the platform's migrations (9001+) make in every module database; module migrations leave them out.</summary>
    public static IReadOnlyList<string> PlatformTables => MessagingModel.PlatformTables;

    private static readonly ValueConverter<DateTime, DateTime> UtcConverter =
        new(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>Applies what every module model shares: its PostgreSQL schema, the outbox and inbox tables,
    /// snake_case names (readable plain-SQL migrations), UTC date-times and, in a <see cref="HouseholdDbContext"/>,
    /// the household filter on every <see cref="IHouseholdOwned"/> entity. Call last in OnModelCreating.</summary>
    public static void ApplyModuleConventions(this ModelBuilder model, DbContext context, string schema)
    {
        if (context.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            model.HasDefaultSchema(schema);
        }

        model.ApplyMessagingModel();
        if (context is HouseholdDbContext households) model.ApplyHouseholdFilters(households);

        foreach (var entity in model.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is not null) entity.SetTableName(ToSnakeCase(table));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
                if (property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(UtcConverter);
                }
            }
            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetDefaultName() ?? key.GetName()!));
            }
            foreach (var fk in entity.GetForeignKeys())
            {
                fk.SetConstraintName(ToSnakeCase(fk.GetDefaultName() ?? fk.GetConstraintName()!));
            }
            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDefaultDatabaseName() ?? index.GetDatabaseName()!));
            }
        }
    }

    /// <summary>e => e.HouseholdId == context.ScopedHouseholdId for every household-owned entity. The context
    /// appears as a constant, which EF replaces by the context running each query.</summary>
    private static void ApplyHouseholdFilters(this ModelBuilder model, HouseholdDbContext context)
    {
        var scoped = Expression.Property(Expression.Constant(context), nameof(HouseholdDbContext.ScopedHouseholdId));
        foreach (var entity in model.Model.GetEntityTypes().Where(e => typeof(IHouseholdOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var row = Expression.Parameter(entity.ClrType, "e");
            var body = Expression.Equal(Expression.Property(row, nameof(IHouseholdOwned.HouseholdId)), scoped);
            entity.SetQueryFilter(Expression.Lambda(body, row));
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var prevLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextLower = i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]);
                if (prevLower || nextLower) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
