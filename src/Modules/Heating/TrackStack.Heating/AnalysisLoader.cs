namespace TrackStack.Heating;

/// <summary>Loads the household's refills, purchases and temperatures and runs the (pure) analysis.</summary>
internal static class AnalysisLoader
{
    /// <summary>PricePerUnitCents: what the priced purchases cost per profile unit on average (null without any).</summary>
    public sealed record Loaded(HeatingSettings Settings, AnalysisResult Result, DateOnly Today, int UnconvertiblePurchases, double? PricePerUnitCents = null);

    public static async Task<Loaded> RunAsync(HeatingDb db, HouseholdAccess access, TimeProvider clock, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var today = access.Today(clock);
        var profile = settings.Profile;

        var entries = await db.Refills.AsNoTracking().Select(r => new { r.Date, r.Quantity, r.MeterReading }).ToListAsync(ct);
        var purchases = await db.Purchases.AsNoTracking().Select(p => new { p.Date, p.Quantity, p.Unit, p.TotalPriceCents }).ToListAsync(ct);
        var temperatures = await db.Temperatures.AsNoTracking().Select(t => new { t.Date, t.MeanC }).ToListAsync(ct);

        var converted = purchases.Select(p => (p.Date, Units: profile.ToProfileUnits(p.Quantity, p.Unit))).ToList();
        var input = new AnalysisInput(
            profile, settings.BaseTemperatureC, settings.BaseMode, settings.SeasonStart,
            entries.Select(e => new ConsumptionEntry(e.Date, e.Quantity, e.MeterReading)).ToList(),
            converted.Where(p => p.Units is not null).Select(p => (p.Date, p.Units!.Value)).ToList(),
            new TemperatureSeries(temperatures.Select(t => KeyValuePair.Create(t.Date, t.MeanC))),
            today, from, to);
        // Use is valued at the average price paid per unit: deliveries are rare, so a month's purchases say little.
        var priced = purchases.Select(p => (Units: profile.ToProfileUnits(p.Quantity, p.Unit), p.TotalPriceCents))
            .Where(p => p.Units is > 0 && p.TotalPriceCents is not null).ToList();
        double? pricePerUnit = priced.Count == 0 ? null : priced.Sum(p => (double)p.TotalPriceCents!.Value) / priced.Sum(p => p.Units!.Value);
        return new Loaded(settings, HeatingAnalyzer.Analyze(input), today, converted.Count(p => p.Units is null), pricePerUnit);
    }
}
