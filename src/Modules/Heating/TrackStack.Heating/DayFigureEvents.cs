using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TrackStack.Heating;

/// <summary>Publishes HeatingDaysChanged from the one place every write passes, HeatingDb's save: when the save
/// adds, changes or deletes refills or temperatures, or changes a setting the figures depend on, the days that
/// change are computed again after the save, from what is stored, and their event is saved in the same
/// transaction (one is opened when the caller has none).</summary>
internal static class DayFigureEvents
{
    private static readonly string[] FigureSettings =
    [
        nameof(HeatingSettings.Fuel), nameof(HeatingSettings.Unit), nameof(HeatingSettings.UnitSizeKg), nameof(HeatingSettings.KwhPerUnit),
        nameof(HeatingSettings.MeterBased), nameof(HeatingSettings.BaseTemperatureC),
    ];

    /// <summary>What a save changes, read before it: the dates of changed entries and temperatures, or all days.</summary>
    internal sealed record Pending(HashSet<DateOnly> EntryDates, HashSet<DateOnly> TemperatureDates, bool AllDays);

    public static Pending? Collect(HeatingDb db)
    {
        db.ChangeTracker.DetectChanges();
        var entries = new HashSet<DateOnly>();
        foreach (var r in db.ChangeTracker.Entries<Refill>().Where(r => r.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            entries.Add(r.Entity.Date);
            if (r.State == EntityState.Modified) entries.Add(r.Property(x => x.Date).OriginalValue);
        }
        var temperatures = db.ChangeTracker.Entries<DailyTemperature>()
            .Where(t => t.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(t => t.Entity.Date).ToHashSet();
        var all = db.ChangeTracker.Entries<HeatingSettings>().Any(s => s.State == EntityState.Modified
            && FigureSettings.Any(p => !Equals(s.Property(p).OriginalValue, s.Property(p).CurrentValue)));
        return entries.Count + temperatures.Count == 0 && !all ? null : new Pending(entries, temperatures, all);
    }

    /// <summary>Raises the household's counter (first, so a concurrent write waits for this one) and returns it.</summary>
    public static async Task<long> NextVersionAsync(HeatingDb db, CancellationToken ct)
    {
        await db.InsertIfMissingAsync([new FigureCounter { HouseholdId = db.HouseholdId }], ct);
        await db.FigureCounters.ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version + 1), ct);
        return await db.FigureCounters.AsNoTracking().Select(c => c.Version).SingleAsync(ct);
    }

    /// <summary>After the save: the figures of the changed days as stored now, queued as one event.</summary>
    public static async Task PublishAsync(HeatingDb db, Pending pending, long version, CancellationToken ct)
    {
        var clock = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>() ?? TimeProvider.System;
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var profile = settings.Profile;
        var entries = await db.Refills.AsNoTracking().Select(r => new { r.Date, r.Quantity, r.MeterReading }).ToListAsync(ct);
        var entryDates = entries.Select(e => e.Date).ToList();

        var ranges = new List<(DateOnly From, DateOnly To)>();
        if (pending.AllDays)
        {
            var first = await db.Temperatures.AsNoTracking().OrderBy(t => t.Date).Select(t => (DateOnly?)t.Date).FirstOrDefaultAsync(ct);
            var last = await db.Temperatures.AsNoTracking().OrderByDescending(t => t.Date).Select(t => (DateOnly?)t.Date).FirstOrDefaultAsync(ct);
            var known = entryDates.Concat(first is { } f ? [f] : []).Concat(last is { } l ? [l] : []).ToList();
            if (known.Count > 0) ranges.Add((known.Min(), known.Max()));
        }
        if (pending.EntryDates.Count > 0) ranges.Add(DailyFigures.AffectedByEntries(pending.EntryDates, entryDates, profile.MeterBased));
        if (pending.TemperatureDates.Count > 0) ranges.Add((pending.TemperatureDates.Min(), pending.TemperatureDates.Max()));
        if (ranges.Count == 0) return;
        var (from, to) = (ranges.Min(r => r.From), ranges.Max(r => r.To));

        var history = ConsumptionIntervals.Build(entries.Select(e => new ConsumptionEntry(e.Date, e.Quantity, e.MeterReading)), profile);
        var temperatures = await db.Temperatures.AsNoTracking().Where(t => t.Date >= from && t.Date <= to).Select(t => new { t.Date, t.MeanC }).ToListAsync(ct);
        var series = new TemperatureSeries(temperatures.Select(t => KeyValuePair.Create(t.Date, t.MeanC)));
        var days = DailyFigures.Compute(history, profile, series, settings.BaseTemperatureC, from, to)
            .Select(d => new HeatingDay(d.Date, d.Units, d.Kwh, d.Hdd)).ToList();
        db.PublishEvent(new HeatingDaysChanged(Guid.NewGuid(), StoredTime.Now(clock), db.HouseholdId, from, to,
            profile.Fuel.Wire(), profile.UnitLabel, days, version));
    }
}
