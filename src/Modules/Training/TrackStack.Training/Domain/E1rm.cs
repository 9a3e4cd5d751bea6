namespace TrackStack.Training.Domain;

internal enum E1rmFormula
{
    Epley,
    Brzycki,
}

/// <summary>Estimated one-rep maximum of a set (ADR 0018). One rep is the weight itself; more than
/// <see cref="MaxReps"/> reps is not estimated, because both formulas drift apart and overstate far from 1 rep.</summary>
internal static class E1rm
{
    public const int MaxReps = 12;

    public static double? Estimate(double? weightKg, int? reps, E1rmFormula formula = E1rmFormula.Epley)
    {
        if (weightKg is not { } w || reps is not { } r || w <= 0 || r < 1 || r > MaxReps) return null;
        if (r == 1) return w;
        return formula switch
        {
            E1rmFormula.Brzycki => w * 36.0 / (37.0 - r),
            _ => w * (1.0 + r / 30.0),
        };
    }

    public const double KgPerLb = 0.45359237;
}
