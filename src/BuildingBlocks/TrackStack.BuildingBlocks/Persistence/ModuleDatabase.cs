using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Persistence;

/// <summary>Where one module keeps its data: a SQLite file in the data dir, or a PostgreSQL schema.</summary>
public sealed class ModuleDatabase
{
    public ModuleDatabase(string module, Type contextType, DatabaseProvider provider, string connectionString)
    {
        Module = module;
        ContextType = contextType;
        Provider = provider;
        ConnectionString = connectionString;
    }

    public string Module { get; }
    public Type ContextType { get; }
    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>PostgreSQL schema of the module (SQLite has none: one file per module instead).</summary>
    public string Schema => Module;

    internal static ModuleDatabase Resolve(string module, Type contextType, TrackStackOptions options)
    {
        var provider = DatabaseProviders.TryParse(options.Database.Provider)
            ?? throw new InvalidOperationException($"Unknown database provider '{options.Database.Provider}'.");
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.GetFullPath(options.DataDir);
            Directory.CreateDirectory(dir);
            var cs = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(dir, $"{module}.db"),
                Mode = SqliteOpenMode.ReadWriteCreate,
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            return new ModuleDatabase(module, contextType, provider, cs);
        }

        var connection = options.Database.ModuleConnectionStrings.TryGetValue(module, out var own) && !string.IsNullOrWhiteSpace(own)
            ? own
            : options.Database.ConnectionString ?? throw new InvalidOperationException($"No PostgreSQL connection string for module '{module}'.");
        return new ModuleDatabase(module, contextType, provider, connection);
    }

    internal void Configure(DbContextOptionsBuilder builder)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(ConnectionString);
            builder.AddInterceptors(SqliteConnectionPragmas.Instance);
        }
        else
        {
            builder.UseNpgsql(ConnectionString);
        }
    }
}

/// <summary>Resolves the <see cref="ModuleDatabase"/> of one DbContext type.</summary>
internal sealed class ModuleDatabase<TContext>(IOptions<TrackStackOptions> options, ModuleName<TContext> name)
    where TContext : DbContext
{
    private readonly Lazy<ModuleDatabase> _value = new(() => ModuleDatabase.Resolve(name.Value, typeof(TContext), options.Value));
    public ModuleDatabase Value => _value.Value;

    /// <summary>The module's name, known without resolving where its data lives (which may fail on a missing setting).</summary>
    public string Name => name.Value;
}

internal sealed record ModuleName<TContext>(string Value) where TContext : DbContext;
