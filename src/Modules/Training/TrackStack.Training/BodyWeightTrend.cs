namespace TrackStack.Training;

internal static class BodyWeightTrend
{
    /// <summary>The entries with the trend of their day, from the member's weighings of the week up to it.</summary>
    public static async Task<List<BodyWeightResponse>> WithTrendAsync(this TrainingDb db, Guid userId, IReadOnlyList<BodyWeightEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
        var from = entries.Min(e => e.Date).AddDays(-6);
        var to = entries.Max(e => e.Date);
        var window = await db.BodyWeights.AsNoTracking().Where(b => b.UserId == userId && b.Date >= from && b.Date <= to)
            .Select(b => new { b.Date, b.WeightKg }).ToListAsync(ct);
        var trend = WeightTrend.SevenDay(window.Select(w => (w.Date, w.WeightKg)));
        return entries.Select(e => new BodyWeightResponse(e.Id, e.Date, e.WeightKg, trend.GetValueOrDefault(e.Date, e.WeightKg))).ToList();
    }

    public static async Task<BodyWeightResponse> WithTrendAsync(this TrainingDb db, BodyWeightEntry entry, CancellationToken ct) =>
        (await db.WithTrendAsync(entry.UserId, [entry], ct))[0];
}
