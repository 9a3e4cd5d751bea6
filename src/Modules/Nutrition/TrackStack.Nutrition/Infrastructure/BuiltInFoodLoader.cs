using System.IO.Compression;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrackStack.Nutrition.Infrastructure;

/// <summary>Loads the SR28 foods the product ships (an embedded resource made by tools/build-sr28-foods.mjs) on the
/// first start, in one transaction with the "sr28" marker row: a later start sees the marker and does nothing, and
/// of two starts at once the second's marker insert is skipped (ON CONFLICT DO NOTHING after waiting for the first),
/// so it rolls back. Runs before the host serves, so search has its foods from the first request.</summary>
internal sealed partial class BuiltInFoodLoader(IServiceProvider services, ILogger<BuiltInFoodLoader> log, TimeProvider clock) : IHostedService
{
    public const string SetName = "sr28";
    private const string Resource = "TrackStack.Nutrition.sr28-foods.jsonl.gz";

    public async Task StartAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Returns how many foods it loaded (0 when they were there already).</summary>
    public async Task<int> LoadAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NutritionDb>();
        if (await MarkerExistsAsync(db, ct)) return 0;

        var foods = ReadShipped();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marker = new BuiltInFoodSet { Name = SetName, FoodCount = foods.Count, LoadedAt = clock.GetUtcNow().UtcDateTime };
        if (await db.InsertIfMissingAsync([marker], ct) == 0) return 0; // another start holds it
        await db.BulkInsertAsync(foods, ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("INSERT INTO builtin_food_search(builtin_food_search) VALUES ('rebuild')", ct);
        await tx.CommitAsync(ct);
        LogLoaded(log, foods.Count);
        return foods.Count;
    }

    /// <summary>The "nothing to do" check of every later start, as one plain command: as a LINQ query it was the
    /// process's first one and paid for compiling EF's query pipeline before the host could serve (ADR 0037).</summary>
    private static async Task<bool> MarkerExistsAsync(NutritionDb db, CancellationToken ct)
    {
        var set = db.Model.FindEntityType(typeof(BuiltInFoodSet))!;
        var sql = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Storage.ISqlGenerationHelper>(db);
        var table = sql.DelimitIdentifier(set.GetTableName()!, set.GetSchema());
        var column = sql.DelimitIdentifier(set.FindProperty(nameof(BuiltInFoodSet.Name))!.GetColumnName());
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT 1 FROM {table} WHERE {column} = @name";
            var name = command.CreateParameter();
            name.ParameterName = "@name";
            name.Value = SetName;
            command.Parameters.Add(name);
            return await command.ExecuteScalarAsync(ct) is not null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal static List<BuiltInFood> ReadShipped()
    {
        using var stream = typeof(BuiltInFoodLoader).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing from the build.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        // SR28 weighs "0.5 cup" or "1 cup, chopped": a unit is one of it, so grams are divided by the amount.
        var foods = new List<BuiltInFood>(8800);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var a = doc.RootElement;
            double? N(int i) => a[i].ValueKind == JsonValueKind.Null ? null : a[i].GetDouble();
            var units = a[12].EnumerateArray().Where(u => u[0].GetDouble() > 0).Select(u => new FoodUnit(u[1].GetString()!, Math.Round(u[2].GetDouble() / u[0].GetDouble(), 3)));
            foods.Add(new BuiltInFood
            {
                Code = a[0].GetString()!, Name = a[1].GetString()!, FoodGroup = a[2].GetString()!,
                Kcal = N(3), Protein = N(4), Fat = N(5), SaturatedFat = N(6), Carbohydrate = N(7),
                Sugars = N(8), Fibre = N(9), SodiumMg = N(10), Alcohol = N(11),
                Units = FoodUnits.Write(units),
            });
        }
        return foods;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} built-in foods (USDA SR28).")]
    private static partial void LogLoaded(ILogger logger, int count);
}
