namespace TrackStack.Heating.Domain;

/// <summary>One closed interval as the regression sees it: its length, its heating degree days and the energy burnt.</summary>
internal readonly record struct RegressionPoint(double Days, double Hdd, double EnergyKwh);

internal enum RegressionKind
{
    /// <summary>E = baseload·days + slope·HDD.</summary>
    BaseloadAndHdd,
    /// <summary>E = slope·HDD (the unconstrained fit gave a negative baseload).</summary>
    HddOnly,
    /// <summary>E = baseload·days (no heating signal, or the unconstrained fit gave a negative slope).</summary>
    BaseloadOnly,
}

/// <summary>A fitted energy signature. R² is the centered one: 1 − SSres/SStot with SStot taken around the mean
/// energy, so it is comparable with an ordinary regression with intercept (it can be below 0 for a very poor fit).
/// CV(RMSE) = RMSE/mean(E) with RMSE = √(SSres/(n−p)), as in ASHRAE Guideline 14.</summary>
internal sealed record RegressionFit(
    RegressionKind Kind, double BaseloadKwhPerDay, double KwhPerDegreeDay, int N, int Parameters, double SsRes, double SsTot, double MeanEnergyKwh)
{
    public double? RSquared => SsTot > 0 ? 1 - (SsRes / SsTot) : null;

    public double? Rmse => N > Parameters ? Math.Sqrt(SsRes / (N - Parameters)) : null;

    public double? CvRmse => Rmse is { } rmse && MeanEnergyKwh > 0 ? rmse / MeanEnergyKwh : null;

    public double Predict(double days, double hdd) => (BaseloadKwhPerDay * days) + (KwhPerDegreeDay * hdd);
}

/// <summary>Least squares without intercept on two regressors, E_i = b₀·days_i + b₁·HDD_i, solved through the
/// 2×2 normal equations. Coefficients are kept physical (≥ 0): when the unconstrained solution has a negative
/// one, the better of the two one-regressor models is used instead (that is the non-negative least-squares
/// solution for two regressors).</summary>
internal static class DegreeDayRegression
{
    public const int MinimumPoints = 3;

    public static RegressionFit? Fit(IReadOnlyList<RegressionPoint> points)
    {
        if (points.Count < MinimumPoints) return null;
        double sdd = 0, sdh = 0, shh = 0, sde = 0, she = 0, se = 0;
        foreach (var p in points)
        {
            sdd += p.Days * p.Days;
            sdh += p.Days * p.Hdd;
            shh += p.Hdd * p.Hdd;
            sde += p.Days * p.EnergyKwh;
            she += p.Hdd * p.EnergyKwh;
            se += p.EnergyKwh;
        }
        if (sdd <= 0) return null;
        var mean = se / points.Count;
        var ssTot = points.Sum(p => (p.EnergyKwh - mean) * (p.EnergyKwh - mean));

        var det = (sdd * shh) - (sdh * sdh);
        // Relative test: the regressors are (almost) proportional when det is tiny compared with its terms.
        if (shh > 0 && det > 1e-10 * sdd * shh)
        {
            var b0 = ((shh * sde) - (sdh * she)) / det;
            var b1 = ((sdd * she) - (sdh * sde)) / det;
            if (b0 >= 0 && b1 >= 0) return Make(RegressionKind.BaseloadAndHdd, b0, b1, 2);
        }

        var candidates = new List<RegressionFit>();
        if (sde >= 0) candidates.Add(Make(RegressionKind.BaseloadOnly, sde / sdd, 0, 1));
        if (shh > 0 && she >= 0) candidates.Add(Make(RegressionKind.HddOnly, 0, she / shh, 1));
        return candidates.Count == 0 ? null : candidates.MinBy(c => c.SsRes);

        RegressionFit Make(RegressionKind kind, double b0, double b1, int parameters)
        {
            var ssRes = points.Sum(p =>
            {
                var r = p.EnergyKwh - ((b0 * p.Days) + (b1 * p.Hdd));
                return r * r;
            });
            return new RegressionFit(kind, b0, b1, points.Count, parameters, ssRes, ssTot, mean);
        }
    }
}
