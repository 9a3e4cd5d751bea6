using TrackStack.Heating.Domain;

namespace TrackStack.UnitTests.Heating;

public sealed class DailyFiguresTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1);

    [Fact]
    public void Refills_count_on_their_day_with_their_energy_and_degree_days_come_from_the_daily_mean()
    {
        var pellets = new FuelProfile(Fuel.WoodPellets, FuelUnit.Bag, 15, 72, MeterBased: false);
        var history = ConsumptionIntervals.Build([new ConsumptionEntry(Nov1, 2, null), new ConsumptionEntry(Nov1, 1, null), new ConsumptionEntry(Nov1.AddDays(3), 2, null)], pellets);
        var temperatures = new TemperatureSeries([KeyValuePair.Create(Nov1, 5.5), KeyValuePair.Create(Nov1.AddDays(1), 20.0)]);

        var days = DailyFigures.Compute(history, pellets, temperatures, 15.5, Nov1, Nov1.AddDays(4));

        Assert.Equal(
            [(Nov1, 3.0, 216.0, 10.0), (Nov1.AddDays(1), null, null, 0.0), (Nov1.AddDays(3), 2.0, 144.0, null)],
            days.Select(d => (d.Date, d.Units, d.Kwh, d.Hdd)));
    }

    [Fact]
    public void A_meter_interval_is_spread_evenly_over_its_days_and_a_reading_that_went_down_gives_nothing()
    {
        var gas = new FuelProfile(Fuel.NaturalGas, FuelUnit.M3, null, 10, MeterBased: true);
        var history = ConsumptionIntervals.Build(
            [new ConsumptionEntry(Nov1, null, 1000), new ConsumptionEntry(Nov1.AddDays(4), null, 1020), new ConsumptionEntry(Nov1.AddDays(6), null, 1010)], gas);

        var days = DailyFigures.Compute(history, gas, TemperatureSeries.Empty, 15.5, Nov1, Nov1.AddDays(7));

        Assert.Equal(Enumerable.Range(0, 4).Select(i => (Nov1.AddDays(i), (double?)5.0, (double?)50.0)), days.Select(d => (d.Date, d.Units, d.Kwh)));
    }

    [Fact]
    public void Changed_meter_readings_affect_the_days_back_to_the_reading_before_and_on_to_the_one_after()
    {
        DateOnly[] entries = [Nov1, Nov1.AddDays(10), Nov1.AddDays(20)];
        Assert.Equal((Nov1, Nov1.AddDays(20)), DailyFigures.AffectedByEntries([Nov1.AddDays(10)], entries, meterBased: true));
        Assert.Equal((Nov1.AddDays(10), Nov1.AddDays(10)), DailyFigures.AffectedByEntries([Nov1.AddDays(10)], entries, meterBased: false));
        // A deleted last reading: the interval it closed goes from the one before to its own day.
        Assert.Equal((Nov1.AddDays(20), Nov1.AddDays(25)), DailyFigures.AffectedByEntries([Nov1.AddDays(25)], entries, meterBased: true));
    }
}
