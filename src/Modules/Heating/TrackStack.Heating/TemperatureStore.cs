namespace TrackStack.Heating;

/// <summary>Insert or replace of daily means in batches, with one query for the days already stored. Nothing here
/// saves: the caller's SaveChanges writes the whole batch in one transaction.</summary>
internal static class TemperatureStore
{
    /// <summary>Stages each day's mean, as a new row or replacing the stored one; returns how many of each.</summary>
    public static async Task<(int Inserted, int Updated)> StageAsync(
        HeatingDb db, IReadOnlyList<(DateOnly Date, double MeanC)> rows, TemperatureSource source, DateTime now, CancellationToken ct)
    {
        if (rows.Count == 0) return (0, 0);
        var (min, max) = (rows.Min(r => r.Date), rows.Max(r => r.Date));
        var existing = await db.Temperatures.Where(t => t.Date >= min && t.Date <= max).ToDictionaryAsync(t => t.Date, ct);
        int inserted = 0, updated = 0;
        foreach (var (date, mean) in rows)
        {
            if (existing.TryGetValue(date, out var row))
            {
                row.MeanC = mean;
                row.Source = source;
                row.UpdatedAt = now;
                updated++;
            }
            else
            {
                db.Temperatures.Add(new DailyTemperature { HouseholdId = db.HouseholdId, Date = date, MeanC = mean, Source = source, UpdatedAt = now });
                inserted++;
            }
        }
        return (inserted, updated);
    }

    /// <summary>What <see cref="StageAsync"/> would do, staging nothing (a dry run). The rows' dates are distinct.</summary>
    public static async Task<(int Inserted, int Updated)> PreviewAsync(HeatingDb db, IReadOnlyList<(DateOnly Date, double MeanC)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return (0, 0);
        var (min, max) = (rows.Min(r => r.Date), rows.Max(r => r.Date));
        var stored = (await db.Temperatures.AsNoTracking().Where(t => t.Date >= min && t.Date <= max).Select(t => t.Date).ToListAsync(ct)).ToHashSet();
        var updated = rows.Count(r => stored.Contains(r.Date));
        return (rows.Count - updated, updated);
    }
}
