using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Heating.Contracts;

namespace TrackStack.Metrics.Features.KeepBuiltInSeries;

/// <summary>heating.units (fuel used, in the household's unit), heating.kwh (its energy), both tagged fuel, and
/// heating.hdd (heating degree days) from Heating's day figures, one value per day at local noon. Each day of an
/// event's range is its own source, so a newer event about some of its days wins there only.</summary>
internal sealed class HeatingSeries(BuiltInSeries series) : IIntegrationEventHandler<HeatingDaysChanged>
{
    public const string DaysChanged = "metrics-builtin-heating-days";

    public async Task HandleAsync(HeatingDaysChanged e, CancellationToken ct)
    {
        var zone = await series.ZoneAsync(e.HouseholdId, ct);
        var byDate = e.Days.ToDictionary(d => d.Date);
        var fuel = BuiltInFigure.TagsOf(("fuel", e.Fuel));
        var states = new List<SourceState>();
        for (var d = e.From; d <= e.To; d = d.AddDays(1))
        {
            var figures = new List<BuiltInFigure>();
            if (byDate.TryGetValue(d, out var day))
            {
                var at = BuiltInTime.NoonUtc(d, zone);
                if (day.Units is { } units) figures.Add(new BuiltInFigure("heating.units", fuel, null, at, units));
                if (day.Kwh is { } kwh) figures.Add(new BuiltInFigure("heating.kwh", fuel, null, at, kwh));
                if (day.Hdd is { } hdd) figures.Add(new BuiltInFigure("heating.hdd", BuiltInFigure.NoTags(), null, at, hdd));
            }
            states.Add(new SourceState($"heating.day:{d:yyyy-MM-dd}", e.Version, figures));
        }
        await series.ApplyManyAsync(e.HouseholdId, states, ct);
    }
}
