using TrackStack.Heating.Domain;

namespace TrackStack.UnitTests.Heating;

public sealed class HeatingAnalyzerTests
{
    private static readonly FuelProfile Pellets = new(Fuel.WoodPellets, FuelUnit.Bag, 15, 72, false);
    private static readonly DateOnly D0 = new(2025, 1, 1);

    private static TemperatureSeries Constant(DateOnly from, int days, double meanC) =>
        new(Enumerable.Range(0, days).Select(i => KeyValuePair.Create(from.AddDays(i), meanC)));

    private static AnalysisInput Input(
        IReadOnlyList<ConsumptionEntry> entries, TemperatureSeries temps, DateOnly today,
        IReadOnlyList<(DateOnly, double)>? purchases = null, BaseMode mode = BaseMode.Fixed, double baseC = 15.5, FuelProfile? fuel = null) =>
        new(fuel ?? Pellets, baseC, mode, SeasonStart.Default, entries, purchases ?? [], temps, today);

    [Fact]
    public void A_refill_burns_until_the_next_refill_and_same_day_refills_add_up()
    {
        var history = ConsumptionIntervals.Build(
            [new(D0, 2, null), new(D0, 1, null), new(D0.AddDays(4), 2, null), new(D0.AddDays(9), 2, null), new(D0.AddDays(2), null, 55)],
            Pellets);
        Assert.Equal(2, history.Closed.Count);
        Assert.Equal((D0, D0.AddDays(4), 3.0, 216.0), (history.Closed[0].Start, history.Closed[0].End, history.Closed[0].Units, history.Closed[0].EnergyKwh));
        Assert.Equal(5, history.Closed[1].Days);
        Assert.Equal(D0.AddDays(9), history.LastEntryDate);
        Assert.Equal(2, history.LastRefillUnits);
        Assert.Equal(7, history.TotalRefilledUnits);
        Assert.Equal(1, history.IgnoredEntries); // a meter reading on a non-metered fuel
    }

    [Fact]
    public void Meter_readings_give_differences_and_a_falling_meter_is_excluded()
    {
        var gas = new FuelProfile(Fuel.NaturalGas, FuelUnit.M3, null, 10.55, true);
        var history = ConsumptionIntervals.Build(
            [new(D0, null, 1000), new(D0.AddDays(10), null, 1100), new(D0.AddDays(20), null, 50), new(D0.AddDays(30), null, 130)], gas);
        Assert.Equal([100.0, -1050.0, 80.0], history.Closed.Select(i => i.Units));
        Assert.Equal(1055, history.Closed[0].EnergyKwh, 9);
        Assert.NotNull(history.Closed[1].Problem);
        // A window cutting an interval gets its share: days 5..14 = half of the first (50) + 5 days of the second (excluded) = 50.
        Assert.Equal(50, history.UnitsBetween(D0.AddDays(5), D0.AddDays(14)), 9);
    }

    [Fact]
    public void Missing_temperatures_are_reported_and_never_taken_as_zero_degrees()
    {
        var temps = new TemperatureSeries(Enumerable.Range(0, 30).Where(i => i != 12).Select(i => KeyValuePair.Create(D0.AddDays(i), 5.5)));
        var (hdd, missing) = temps.SumHdd(D0, D0.AddDays(15), 15.5);
        Assert.Equal(14 * 10, hdd);
        Assert.Equal(1, missing);

        var entries = Enumerable.Range(0, 6).Select(i => new ConsumptionEntry(D0.AddDays(5 * i), 2, null)).ToList();
        var result = HeatingAnalyzer.Analyze(Input(entries, temps, D0.AddDays(29)));
        var excluded = Assert.Single(result.Intervals, i => !i.Included);
        Assert.Equal(D0.AddDays(10), excluded.Interval.Start);
        Assert.Equal(1, excluded.MissingTemperatureDays);
        Assert.Null(excluded.Hdd);
        Assert.Contains("without a temperature", excluded.ExcludedReason);
        Assert.Equal(1, result.MissingTemperatureDays);
        Assert.Equal(new DateRange(D0.AddDays(12), D0.AddDays(12)), Assert.Single(result.MissingTemperatureRanges));
    }

    [Fact]
    public void Base_temperature_fit_finds_the_base_that_generated_the_data()
    {
        var (_, refills) = Synthetic.Seattle(baseload: 5, slope: 4, baseC: 17.0, noiseKwh: 2);
        var temps = new TemperatureSeries(SeattleWeather.Seattle().Select(t => KeyValuePair.Create(t.Date, t.MeanC)));
        var result = HeatingAnalyzer.Analyze(Input(refills, temps, new DateOnly(2016, 1, 1), mode: BaseMode.Fit));
        Assert.Equal(17.0, result.BaseTemperatureC);
        Assert.Equal(21, result.BaseScan.Count);
        Assert.Equal(result.BaseScan.Max(p => p.RSquared), result.BaseScan.Single(p => p.BaseTemperatureC == 17.0).RSquared);
        Assert.InRange(result.Model!.KwhPerDegreeDay, 3.95, 4.05);

        // A fixed (wrong) base fits worse.
        var fixedBase = HeatingAnalyzer.Analyze(Input(refills, temps, new DateOnly(2016, 1, 1), baseC: 12));
        Assert.True(fixedBase.Model!.RSquared < result.Model.RSquared);
    }

    [Fact]
    public void Normal_year_uses_complete_calendar_years_and_normalises_consumption()
    {
        var (_, refills) = Synthetic.Seattle(baseload: 6, slope: 3.5, baseC: 15.5, noiseKwh: 0);
        var seattle = SeattleWeather.Seattle();
        var temps = new TemperatureSeries(seattle.Select(t => KeyValuePair.Create(t.Date, t.MeanC)));
        var result = HeatingAnalyzer.Analyze(Input(refills, temps, new DateOnly(2016, 3, 1)));

        // Independent: HDD of each of the 4 complete years 2012–2015, averaged.
        var expectedHdd = seattle.GroupBy(t => t.Date.Year).Average(g => g.Sum(t => Math.Max(0, 15.5 - t.MeanC)));
        Assert.Equal(NormalYearBasis.FullYears, result.NormalYear!.Basis);
        Assert.Equal(4, result.NormalYear.Years);
        Assert.Equal(expectedHdd, result.NormalYear.Hdd, 6);
        Assert.Equal((6 * 365) + (3.5 * expectedHdd), result.NormalisedYearKwh!.Value, 1e-6);
        Assert.Equal(1, result.Model!.RSquared!.Value, 9);
    }

    [Fact]
    public void Normal_year_falls_back_to_the_last_365_days_scaled_for_gaps()
    {
        var today = new DateOnly(2025, 6, 1);
        var temps = new TemperatureSeries(Enumerable.Range(1, 200).Select(i => KeyValuePair.Create(today.AddDays(-i), 10.5)));
        var normal = NormalYear.Compute(temps, 15.5, today)!;
        Assert.Equal(NormalYearBasis.Last365Days, normal.Basis);
        Assert.Equal(200, normal.CoverageDays);
        Assert.Equal(5 * 365, normal.Hdd, 9);
    }

    [Fact]
    public void This_season_is_compared_with_last_season_over_the_same_days()
    {
        var entries = new List<ConsumptionEntry>
        {
            new(new DateOnly(2024, 8, 31), 9, null),   // previous season
            new(new DateOnly(2024, 9, 10), 2, null),
            new(new DateOnly(2024, 11, 15), 3, null),  // last day of the compared window
            new(new DateOnly(2024, 11, 16), 5, null),  // after it
            new(new DateOnly(2025, 9, 1), 2, null),
            new(new DateOnly(2025, 10, 1), 4, null),
        };
        var today = new DateOnly(2025, 11, 15);
        var result = HeatingAnalyzer.Analyze(Input(entries, TemperatureSeries.Empty, today));
        var s = result.Season;
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2024, 9, 1), new DateOnly(2024, 11, 15)), (s.ThisStart, s.LastStart, s.LastEnd));
        Assert.Equal(76, s.ElapsedDays);
        Assert.Equal(6, s.ThisUnits);
        Assert.Equal(5, s.LastUnits);
        Assert.Equal(1, s.DeltaUnits);
        Assert.Equal(20, s.DeltaPct!.Value, 9);
        Assert.Equal(45, result.DaysSinceLastEntry);

        Assert.Equal(12, result.Monthly.Count);
        Assert.Equal((2.0, 2.0), (result.Monthly[0].ThisUnits!.Value, result.Monthly[0].LastUnits));      // September
        Assert.Equal((4.0, 0.0), (result.Monthly[1].ThisUnits!.Value, result.Monthly[1].LastUnits));      // October
        Assert.Equal((0.0, 8.0), (result.Monthly[2].ThisUnits!.Value, result.Monthly[2].LastUnits));      // November (to date vs full)
        Assert.Null(result.Monthly[3].ThisUnits);                                                         // December not started
    }

    [Fact]
    public void Stock_runs_out_when_stored_fuel_and_the_rest_of_the_last_refill_are_burnt()
    {
        // 36 kWh a day at a constant 5.5 °C: 2 bags (144 kWh) every 4 days. Constant temperatures make HDD
        // proportional to days, so the model is the baseload-only one: 36 kWh/day.
        var today = D0.AddDays(24);
        var temps = Constant(D0.AddDays(-400), 424, 5.5);
        var entries = Enumerable.Range(0, 7).Select(i => new ConsumptionEntry(D0.AddDays(4 * i), 2, null)).ToList();
        var result = HeatingAnalyzer.Analyze(Input(entries, temps, today, purchases: [(D0.AddDays(-1), 22)]));

        Assert.Equal(36, result.Model!.Predict(1, 10) , 9);
        var stock = result.Stock!;
        Assert.Equal(ForecastMethod.DegreeDays, stock.Method);
        Assert.Equal(22 - 14, stock.OnHandUnits, 9);
        Assert.Equal(2, stock.LastRefillRemainingUnits!.Value, 9);  // put in today
        // (8 + 2) bags × 72 kWh = 720 kWh = 20 days at 36 kWh/day: today … today+19 are covered.
        Assert.Equal(20, stock.DaysLeft);
        Assert.Equal(today.AddDays(20), stock.RunOutDate);

        var twoDaysLater = HeatingAnalyzer.Analyze(Input(entries, temps, today.AddDays(2), purchases: [(D0.AddDays(-1), 22)])).Stock!;
        Assert.Equal(1, twoDaysLater.LastRefillRemainingUnits!.Value, 9);
        Assert.Equal(today.AddDays(20), twoDaysLater.RunOutDate);
    }

    [Fact]
    public void Forecast_follows_the_season_through_day_of_year_normals()
    {
        // Past year: 0 °C in winter months (Nov–Feb), 20 °C otherwise. Model: 0 baseload, 1 kWh per HDD at base 15.5.
        var today = new DateOnly(2025, 10, 1);
        var temps = new TemperatureSeries(Enumerable.Range(1, 730).Select(i => today.AddDays(-i))
            .Select(d => KeyValuePair.Create(d, d.Month is 11 or 12 or 1 or 2 ? 0.0 : 20.0)));
        var entries = new List<ConsumptionEntry>();
        var start = today.AddDays(-720);
        var k = 0;
        while (start.AddDays(10) <= today)
        {
            var (hdd, _) = temps.SumHdd(start, start.AddDays(7 + (k % 3)), 15.5);
            entries.Add(new ConsumptionEntry(start, hdd / 72 + 0.0001 * (k % 2), null));
            start = start.AddDays(7 + (k++ % 3));
        }
        entries.Add(new ConsumptionEntry(start, 0.0001, null));
        var bought = entries.Sum(e => e.Quantity!.Value) + 8;
        var result = HeatingAnalyzer.Analyze(Input(entries, temps, today, purchases: [(today.AddDays(-800), bought)]));
        var stock = result.Stock!;
        Assert.Equal(8, stock.OnHandUnits, 9);
        // October costs (almost) nothing at 20 °C; from 1 November each day needs 15.5 HDD × slope.
        var m = result.Model!;
        Assert.InRange(m.KwhPerDegreeDay, 0.99, 1.01);
        var remaining = (stock.OnHandUnits + (stock.LastRefillRemainingUnits ?? 0)) * 72 - (31 * m.BaseloadKwhPerDay);
        var expectedDays = 31 + (int)Math.Floor(remaining / (m.BaseloadKwhPerDay + (15.5 * m.KwhPerDegreeDay)));
        Assert.Equal(expectedDays, stock.DaysLeft);
        Assert.True(stock.RunOutDate > new DateOnly(2025, 11, 1));
    }

    [Fact]
    public void No_purchases_means_stock_is_not_forecast_and_says_why()
    {
        var entries = Enumerable.Range(0, 4).Select(i => new ConsumptionEntry(D0.AddDays(4 * i), 2, null)).ToList();
        var stock = HeatingAnalyzer.Analyze(Input(entries, TemperatureSeries.Empty, D0.AddDays(20))).Stock!;
        Assert.Null(stock.RunOutDate);
        Assert.Contains("No purchases", stock.Note);
    }

    [Fact]
    public void Without_a_model_the_forecast_uses_the_recent_average()
    {
        var entries = Enumerable.Range(0, 3).Select(i => new ConsumptionEntry(D0.AddDays(4 * i), 2, null)).ToList();
        var stock = HeatingAnalyzer.Analyze(Input(entries, TemperatureSeries.Empty, D0.AddDays(8), purchases: [(D0, 10)])).Stock!;
        Assert.Equal(ForecastMethod.Average, stock.Method);
        // 0.5 bag a day; 4 stored + 2 in the stove = 12 days.
        Assert.Equal(12, stock.DaysLeft);
    }

    [Fact]
    public void A_wasteful_period_is_flagged()
    {
        var (points, refills) = Synthetic.Seattle(baseload: 6, slope: 3.5, baseC: 15.5, noiseKwh: 5);
        var spiked = refills.ToList();
        var k = 40;
        spiked[k] = spiked[k] with { Quantity = spiked[k].Quantity!.Value * 1.6 + 3 };
        var temps = new TemperatureSeries(SeattleWeather.Seattle().Select(t => KeyValuePair.Create(t.Date, t.MeanC)));
        var result = HeatingAnalyzer.Analyze(Input(spiked, temps, new DateOnly(2016, 1, 1)));
        var flagged = Assert.Single(result.Intervals, i => i.Flagged);
        Assert.Equal(spiked[k].Date, flagged.Interval.Start);
        Assert.True(flagged.ResidualKwh > 2 * result.Model!.Rmse);
        Assert.Equal(points.Count, result.Model.N);
    }
}
