using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.BuildingBlocks.Observability;

namespace TrackStack.BuildingBlocks.Persistence;

public static class ModulePersistenceExtensions
{
    /// <summary>Registers a module's DbContext on the configured provider (a SQLite file per module, or a
    /// PostgreSQL schema), its migrations, readiness check and outbox/inbox worker.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string module,
        Action<IServiceProvider, DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        services.TryAddSingleton<SqlMigrator>();
        services.AddSingleton(new ModuleName<TContext>(module));
        services.AddSingleton<ModuleDatabase<TContext>>();
        var telemetry = new DbCommandTelemetry(module);
        services.AddDbContext<TContext>((sp, options) =>
        {
            sp.GetRequiredService<ModuleDatabase<TContext>>().Value.Configure(options);
            options.AddInterceptors(sp.GetRequiredService<OutboxSignalInterceptor<TContext>>(), telemetry);
            configure?.Invoke(sp, options);
        });
        services.AddSingleton<IModuleDatabase>(sp => new ModuleDatabaseHandle<TContext>(sp.GetRequiredService<ModuleDatabase<TContext>>()));
        services.AddHealthChecks().AddDbContextCheck<TContext>($"{module}-db", tags: ["ready"]);
        services.AddModuleMessaging<TContext>(module);
        return services;
    }
}

/// <summary>A module database, as seen by the host (migrate command, start-up, operator tools).</summary>
public interface IModuleDatabase
{
    string Module { get; }
    Type ContextType { get; }
    ModuleDatabase Database { get; }
    Task<IReadOnlyList<MigrationScript>> MigrateAsync(IServiceProvider services, CancellationToken ct);
}

internal sealed class ModuleDatabaseHandle<TContext>(ModuleDatabase<TContext> database) : IModuleDatabase
    where TContext : DbContext
{
    public string Module => database.Name;
    public Type ContextType => typeof(TContext);
    public ModuleDatabase Database => database.Value;

    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();
        var migrator = scope.ServiceProvider.GetRequiredService<SqlMigrator>();
        return await migrator.MigrateAsync(context, database.Value, ct);
    }
}
