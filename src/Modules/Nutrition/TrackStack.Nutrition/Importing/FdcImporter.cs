using System.Diagnostics;

namespace TrackStack.Nutrition.Importing;

/// <summary>Imports a FoodData Central CSV export as shared foods, streaming: food.csv is read twice (once for the
/// ids, once to write), food_nutrient.csv (the big one, GBs for the branded foods) once into a flat array of the
/// module's nutrients per food, so memory is about 50 bytes a food whatever the file sizes. Foods are written in
/// batches, each its own transaction that replaces the batch's FDC ids: a re-import updates, never duplicates.</summary>
internal sealed partial class FdcImporter(NutritionDb db, TimeProvider clock)
{
    public const int BatchSize = 5000;

    // Slots of the per-food array: the four energy sources in FDC's order of preference, then the rest.
    private const int EnergyKcal = 0, AtwaterGeneral = 1, AtwaterSpecific = 2, EnergyKj = 3;
    private const int Protein = 4, Fat = 5, SaturatedFat = 6, Carbohydrate = 7, Sugars = 8, Fibre = 9, Sodium = 10, Alcohol = 11;
    private const int Slots = 12;

    // FDC nutrient ids, and as a fallback (an export without them) the SR28 numbers tools/build-sr28-foods.mjs uses.
    private static readonly Dictionary<long, int> ById = new()
    {
        [1008] = EnergyKcal, [2047] = AtwaterGeneral, [2048] = AtwaterSpecific, [1062] = EnergyKj,
        [1003] = Protein, [1004] = Fat, [1258] = SaturatedFat, [1005] = Carbohydrate,
        [2000] = Sugars, [1063] = Sugars, [1079] = Fibre, [1093] = Sodium, [1018] = Alcohol,
    };
    private static readonly Dictionary<string, int> ByNumber = new()
    {
        ["208"] = EnergyKcal, ["957"] = AtwaterGeneral, ["958"] = AtwaterSpecific, ["268"] = EnergyKj,
        ["203"] = Protein, ["204"] = Fat, ["606"] = SaturatedFat, ["205"] = Carbohydrate,
        ["269"] = Sugars, ["291"] = Fibre, ["307"] = Sodium, ["221"] = Alcohol,
    };

    public async Task<FdcImportResult> ImportAsync(FdcExport export, TextWriter progress, CancellationToken ct)
    {
        var clockStart = Stopwatch.StartNew();
        var nutrients = ReadNutrients(export);
        var measures = ReadMeasures(export);

        var index = new Dictionary<long, int>();
        using (var food = export.Read("food.csv"))
        {
            var meter = new Meter(progress, food, "food ids");
            while (food.Next())
            {
                if (food.TryLong(0, out var id)) index.TryAdd(id, index.Count);
                meter.Tick();
            }
            meter.Done();
        }

        var values = new float[index.Count * Slots];
        Array.Fill(values, float.NaN);
        using (var table = export.Read("food_nutrient.csv"))
        {
            var meter = new Meter(progress, table, "nutrient values");
            while (table.Next())
            {
                meter.Tick();
                if (!table.TryLong(1, out var nutrient) || !nutrients.TryGetValue(nutrient, out var slot)) continue;
                if (!table.TryLong(0, out var id) || !index.TryGetValue(id, out var at) || !table.TryDouble(2, out var amount)) continue;
                ref var value = ref values[(at * Slots) + slot];
                if (float.IsNaN(value)) value = (float)amount; // the first of two sugar rows wins
            }
            meter.Done();
        }

        var portions = new Dictionary<int, List<(double Seq, FoodUnit Unit)>>();
        using (var table = export.Read("food_portion.csv"))
        {
            var meter = new Meter(progress, table, "portions");
            while (table.Next())
            {
                meter.Tick();
                if (!table.TryLong(0, out var id) || !index.TryGetValue(id, out var at)) continue;
                if (Portion(table, measures) is not { } unit) continue;
                var seq = table.TryDouble(1, out var s) ? s : double.MaxValue;
                if (!portions.TryGetValue(at, out var list)) portions[at] = list = [];
                list.Add((seq, unit));
            }
            meter.Done();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        int written = 0, replaced = 0, skipped = 0;
        var batch = new List<ImportedFood>(BatchSize);
        using (var food = export.Read("food.csv"))
        {
            var meter = new Meter(progress, food, "foods written");
            while (food.Next())
            {
                meter.Tick();
                var name = food[2].Trim();
                if (!food.TryLong(0, out var id) || !index.TryGetValue(id, out var at) || name.Length == 0)
                {
                    skipped++;
                    continue;
                }
                var units = portions.TryGetValue(at, out var list)
                    ? list.OrderBy(p => p.Seq).Select(p => p.Unit).DistinctBy(u => u.Name).ToList()
                    : [];
                batch.Add(Food(id, name, food[1].Trim(), values, at * Slots, units, now));
                if (batch.Count == BatchSize)
                {
                    replaced += await WriteAsync(batch, ct);
                    written += batch.Count;
                    batch.Clear();
                }
            }
            replaced += await WriteAsync(batch, ct);
            written += batch.Count;
            meter.Done();
        }
        return new FdcImportResult(written, replaced, skipped, clockStart.Elapsed);
    }

    /// <summary>One transaction: the batch's ids deleted (the SQLite triggers take them out of the search index too),
    /// then the batch inserted by the bulk path (a prepared INSERT on SQLite, binary COPY on PostgreSQL).</summary>
    private async Task<int> WriteAsync(List<ImportedFood> batch, CancellationToken ct)
    {
        if (batch.Count == 0) return 0;
        // A file listing an id twice: the later row is the one kept, as a re-import would keep it.
        var rows = batch.GroupBy(f => f.FdcId).Select(g => g.Last()).ToList();
        var ids = rows.Select(f => f.FdcId).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var replaced = await db.ImportedFoods.Where(f => ids.Contains(f.FdcId)).ExecuteDeleteAsync(ct);
        await db.BulkInsertAsync(rows, ct);
        await tx.CommitAsync(ct);
        return replaced;
    }

    internal static ImportedFood Food(long id, string name, string dataType, float[] values, int offset, IReadOnlyList<FoodUnit> units, DateTime now)
    {
        double? N(int slot) => float.IsNaN(values[offset + slot]) ? null : Math.Round((double)values[offset + slot], 3);
        // Energy as FDC states it, else its Atwater figures (Foundation foods give only these), else the kJ.
        var kcal = N(EnergyKcal) ?? N(AtwaterGeneral) ?? N(AtwaterSpecific) ?? (N(EnergyKj) is { } kj ? Math.Round(kj / 4.184, 1) : null);
        return new ImportedFood
        {
            FdcId = id, Name = name.Length > 300 ? name[..300] : name, DataType = dataType.Length > 40 ? dataType[..40] : dataType,
            Kcal = kcal, Protein = N(Protein), Fat = N(Fat), SaturatedFat = N(SaturatedFat), Carbohydrate = N(Carbohydrate),
            Sugars = N(Sugars), Fibre = N(Fibre), SodiumMg = N(Sodium), Alcohol = N(Alcohol),
            Units = FoodUnits.Write(units), ImportedAt = now,
        };
    }

    /// <summary>A portion as one of the food's units: "1 cup, chopped" weighing 160 g is "cup, chopped" = 160 g, and
    /// "2 large" of 100 g is "large" = 50 g (a unit is one of it). The name is the measure unit and modifier (SR
    /// Legacy puts "cup, chopped" in modifier with unit "undetermined"), else the portion description (Survey foods).</summary>
    private static FoodUnit? Portion(FdcTable row, Dictionary<long, string> measures)
    {
        if (!row.TryDouble(6, out var grams) || grams <= 0) return null;
        var amount = row.TryDouble(2, out var a) && a > 0 ? a : 1;
        var unit = row.TryLong(3, out var m) && measures.TryGetValue(m, out var u) && u != "undetermined" ? u : "";
        var modifier = row[5].Trim();
        // Survey portions say "1 pancake (6" dia)": the count is the amount, the rest is the unit.
        var description = LeadingCount().Replace(row[4].Trim(), "");
        var name = unit.Length > 0 && modifier.Length > 0 ? $"{unit}, {modifier}"
            : unit.Length > 0 ? unit
            : modifier.Length > 0 && !modifier.All(c => char.IsAsciiDigit(c)) ? modifier
            : description is { Length: > 0 } and not "Quantity not specified" ? description
            : "";
        if (name.Length == 0) return null;
        if (name.Length > 100) name = name[..100];
        return new FoodUnit(name, Math.Round(grams / amount, 3));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+([.,/]\d+)?\s+")]
    private static partial System.Text.RegularExpressions.Regex LeadingCount();

    private static Dictionary<long, int> ReadNutrients(FdcExport export)
    {
        var slots = new Dictionary<long, int>();
        using var table = export.Read("nutrient.csv");
        while (table.Next())
        {
            if (!table.TryLong(0, out var id)) continue;
            if (ById.TryGetValue(id, out var slot) || ByNumber.TryGetValue(table[3].Trim(), out slot)) slots.TryAdd(id, slot);
        }
        return slots;
    }

    private static Dictionary<long, string> ReadMeasures(FdcExport export)
    {
        var names = new Dictionary<long, string>();
        using var table = export.Read("measure_unit.csv");
        while (table.Next())
        {
            if (table.TryLong(0, out var id)) names[id] = table[1].Trim();
        }
        return names;
    }

    /// <summary>A progress line at most once a second while a file is read (rows, rows per second, how far), and a
    /// last one when it is done.</summary>
    private sealed class Meter(TextWriter output, FdcTable table, string what)
    {
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _next = 1000;

        public void Tick()
        {
            if ((table.Rows & 0x3FF) != 0 || _watch.ElapsedMilliseconds < _next) return;
            _next = _watch.ElapsedMilliseconds + 1000;
            output.WriteLine(Line() + string.Create(CultureInfo.InvariantCulture, $", {table.Fraction:P0}"));
        }

        public void Done() => output.WriteLine(Line() + " — done");

        private string Line() => string.Create(CultureInfo.InvariantCulture,
            $"{table.Name}: {table.Rows:N0} rows read ({what}), {table.Rows / Math.Max(_watch.Elapsed.TotalSeconds, 0.001):N0} rows/s");
    }
}

internal sealed record FdcImportResult(int Written, int Replaced, int Skipped, TimeSpan Elapsed);
