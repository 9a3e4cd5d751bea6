using TrackStack.Heating.Domain;

namespace TrackStack.UnitTests.Heating;

public sealed class DegreeDayRegressionTests
{
    [Fact]
    public void Hand_computed_example_matches_the_normal_equations_solution()
    {
        // (days, HDD, kWh). By hand: Σd² = 370, Σd·h = 3240, Σh² = 32900, Σd·E = 10200, Σh·E = 99500,
        // det = 370·32900 − 3240² = 1 675 400, b₀ = (32900·10200 − 3240·99500)/det = 66000/8377,
        // b₁ = (370·99500 − 3240·10200)/det = 18835/8377. Mean E = 222.5, SStot = 106 075,
        // SSres = 19.4819…, R² = 0.999816…, RMSE = √(SSres/(4−2)) = 3.12105…, CV(RMSE) = 1.4027 %.
        var fit = DegreeDayRegression.Fit([new(10, 100, 300), new(7, 20, 100), new(14, 150, 450), new(5, 0, 40)])!;
        Assert.Equal(RegressionKind.BaseloadAndHdd, fit.Kind);
        Assert.Equal(66000.0 / 8377, fit.BaseloadKwhPerDay, 12);
        Assert.Equal(18835.0 / 8377, fit.KwhPerDegreeDay, 12);
        Assert.Equal(106075, fit.SsTot, 9);
        Assert.Equal(19.481914766622896, fit.SsRes, 9);
        Assert.Equal(0.9998163383005739, fit.RSquared!.Value, 12);
        Assert.Equal(3.1210506857966034, fit.Rmse!.Value, 10);
        Assert.Equal(0.01402719409346788, fit.CvRmse!.Value, 12);
        Assert.Equal(2, fit.Parameters);
    }

    [Fact]
    public void Exact_data_is_recovered_exactly()
    {
        var points = new[] { (7, 80.0), (10, 31.5), (3, 0.0), (14, 210.0), (9, 99.9) }
            .Select(p => new RegressionPoint(p.Item1, p.Item2, (5 * p.Item1) + (2 * p.Item2))).ToList();
        var fit = DegreeDayRegression.Fit(points)!;
        Assert.Equal(5, fit.BaseloadKwhPerDay, 9);
        Assert.Equal(2, fit.KwhPerDegreeDay, 9);
        Assert.Equal(1, fit.RSquared!.Value, 12);
        Assert.Equal(0, fit.CvRmse!.Value, 9);
    }

    [Fact]
    public void Fewer_than_three_periods_give_no_model() =>
        Assert.Null(DegreeDayRegression.Fit([new(7, 70, 300), new(7, 10, 100)]));

    [Fact]
    public void A_negative_baseload_is_not_reported_the_hdd_only_model_is()
    {
        // Unconstrained: E = −2·days + 3·HDD. Physically the baseload cannot be negative.
        var points = new[] { (10, 50.0), (10, 100.0), (5, 80.0), (8, 20.0) }
            .Select(p => new RegressionPoint(p.Item1, p.Item2, (-2 * p.Item1) + (3 * p.Item2))).ToList();
        var fit = DegreeDayRegression.Fit(points)!;
        Assert.Equal(RegressionKind.HddOnly, fit.Kind);
        Assert.Equal(0, fit.BaseloadKwhPerDay);
        Assert.Equal(1, fit.Parameters);
        // b₁ = Σh·E / Σh² for the one-regressor model.
        var she = points.Sum(p => p.Hdd * p.EnergyKwh);
        var shh = points.Sum(p => p.Hdd * p.Hdd);
        Assert.Equal(she / shh, fit.KwhPerDegreeDay, 12);
    }

    [Fact]
    public void Summer_only_data_gives_a_baseload_model()
    {
        var fit = DegreeDayRegression.Fit([new(7, 0, 70), new(14, 0, 150), new(10, 0, 95)])!;
        Assert.Equal(RegressionKind.BaseloadOnly, fit.Kind);
        Assert.Equal((7 * 70 + 14 * 150 + 10 * 95) / 345.0, fit.BaseloadKwhPerDay, 12);
    }

    [Fact]
    public void Seattle_temperatures_with_synthetic_use_agree_with_an_independent_QR_solution_and_the_truth()
    {
        const double trueBaseload = 6.0, trueSlope = 3.5, baseC = 15.5;
        var (points, _) = Synthetic.Seattle(trueBaseload, trueSlope, baseC, noiseKwh: 15);
        Assert.True(points.Count > 150);

        var fit = DegreeDayRegression.Fit(points.Select(p => new RegressionPoint(p.Days, p.Hdd, p.Energy)).ToList())!;
        var (b0, b1, r2, cv) = Independent.LeastSquaresQr(points);

        Assert.Equal(RegressionKind.BaseloadAndHdd, fit.Kind);
        Assert.Equal(b0, fit.BaseloadKwhPerDay, 9);
        Assert.Equal(b1, fit.KwhPerDegreeDay, 9);
        Assert.Equal(r2, fit.RSquared!.Value, 9);
        Assert.Equal(cv, fit.CvRmse!.Value, 9);
        // And the fit finds what generated the data.
        Assert.InRange(fit.BaseloadKwhPerDay, trueBaseload - 0.5, trueBaseload + 0.5);
        Assert.InRange(fit.KwhPerDegreeDay, trueSlope - 0.05, trueSlope + 0.05);
        Assert.True(fit.RSquared > 0.99, $"R² = {fit.RSquared}");
    }
}

/// <summary>Least squares computed a different way than the product (Gram–Schmidt QR of
/// the n×2 design matrix, then back substitution), for regression checks.</summary>
internal static class Independent
{
    public static (double B0, double B1, double R2, double CvRmse) LeastSquaresQr(IReadOnlyList<(int Days, double Hdd, double Energy)> points)
    {
        var n = points.Count;
        var q1 = points.Select(p => (double)p.Days).ToArray();
        var q2 = points.Select(p => p.Hdd).ToArray();
        var y = points.Select(p => p.Energy).ToArray();
        var r11 = Math.Sqrt(q1.Sum(v => v * v));
        for (var i = 0; i < n; i++) q1[i] /= r11;
        var r12 = Enumerable.Range(0, n).Sum(i => q1[i] * q2[i]);
        for (var i = 0; i < n; i++) q2[i] -= r12 * q1[i];
        var r22 = Math.Sqrt(q2.Sum(v => v * v));
        for (var i = 0; i < n; i++) q2[i] /= r22;
        var c1 = Enumerable.Range(0, n).Sum(i => q1[i] * y[i]);
        var c2 = Enumerable.Range(0, n).Sum(i => q2[i] * y[i]);
        var b1 = c2 / r22;
        var b0 = (c1 - (r12 * b1)) / r11;
        var mean = y.Average();
        var ssRes = points.Sum(p => Math.Pow(p.Energy - (b0 * p.Days) - (b1 * p.Hdd), 2));
        var ssTot = y.Sum(v => (v - mean) * (v - mean));
        return (b0, b1, 1 - (ssRes / ssTot), Math.Sqrt(ssRes / (n - 2)) / mean);
    }
}

/// <summary>Synthetic consumption on real temperatures: refills every 5–14 days, E = baseload·days + slope·HDD + noise,
/// with a deterministic noise (a sine, so the test never changes).</summary>
internal static class Synthetic
{
    private static readonly int[] Gaps = [7, 10, 14, 5, 12, 9, 6, 11];

    public static (List<(int Days, double Hdd, double Energy)> Points, List<ConsumptionEntry> Refills) Seattle(
        double baseload, double slope, double baseC, double noiseKwh, double kwhPerUnit = 72)
    {
        var temps = SeattleWeather.Seattle().ToDictionary(t => t.Date, t => t.MeanC);
        var first = temps.Keys.Min();
        var last = temps.Keys.Max();
        var points = new List<(int, double, double)>();
        var refills = new List<ConsumptionEntry>();
        var start = first;
        for (var i = 0; ; i++)
        {
            var end = start.AddDays(Gaps[i % Gaps.Length]);
            if (end > last) break;
            var days = end.DayNumber - start.DayNumber;
            var hdd = 0.0;
            for (var d = start; d < end; d = d.AddDays(1)) hdd += Math.Max(0, baseC - temps[d]);
            var energy = (baseload * days) + (slope * hdd) + (noiseKwh * Math.Sin(1.3 * i));
            points.Add((days, hdd, energy));
            refills.Add(new ConsumptionEntry(start, energy / kwhPerUnit, null));
            start = end;
        }
        refills.Add(new ConsumptionEntry(start, 2, null)); // the open interval, still burning
        return (points, refills);
    }
}
