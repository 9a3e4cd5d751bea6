namespace TrackStack.Heating;

/// <summary>Batch upsert of daily means: one query for the rows already there, one SaveChanges (one transaction).</summary>
internal static class TemperatureStore
{
    public static async Task<(int Inserted, int Updated)> UpsertAsync(
        HeatingDb db, IReadOnlyList<(DateOnly Date, double MeanC)> rows, TemperatureSource source, DateTime now, bool dryRun, CancellationToken ct)
    {
        if (rows.Count == 0) return (0, 0);
        var min = rows.Min(r => r.Date);
        var max = rows.Max(r => r.Date);
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
        if (dryRun) db.ChangeTracker.Clear();
        else await db.SaveChangesAsync(ct);
        return (inserted, updated);
    }
}
