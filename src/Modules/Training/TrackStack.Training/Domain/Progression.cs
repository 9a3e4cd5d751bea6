namespace TrackStack.Training.Domain;

internal enum ProgressionRule
{
    None,
    DoubleProgression,
    Linear,
}

/// <summary>What last time's working sets of an exercise were: weight (kg) and reps, in order.</summary>
internal readonly record struct LastSet(double WeightKg, int Reps);

/// <summary>The weight and reps to aim for next time.</summary>
internal readonly record struct Suggestion(double WeightKg, int Reps, string Reason);

/// <summary>The progression rules of ADR 0018, from last time's working sets of the exercise:
/// double progression adds the increment and goes back to the bottom of the rep range once every working set
/// reached the top, else keeps the weight and aims one rep higher than the lowest set; linear adds the increment
/// every session; none repeats last time. Without a last time there is no suggestion.</summary>
internal static class Progression
{
    public static Suggestion? Next(ProgressionRule rule, IReadOnlyList<LastSet> last, int repMin, int repMax, double incrementKg)
    {
        if (last.Count == 0) return null;
        var weight = last.Max(s => s.WeightKg);
        var atWeight = last.Where(s => Math.Abs(s.WeightKg - weight) < 1e-9).ToList();
        switch (rule)
        {
            case ProgressionRule.DoubleProgression:
                if (atWeight.Count == last.Count && last.All(s => s.Reps >= repMax))
                {
                    return new(Round(weight + incrementKg), repMin, $"Every set reached {repMax} reps: +{incrementKg:0.##} kg, back to {repMin}.");
                }
                var lowest = atWeight.Min(s => s.Reps);
                return new(weight, Math.Clamp(lowest + 1, repMin, repMax), $"Same weight, aim for {Math.Clamp(lowest + 1, repMin, repMax)} reps in every set.");
            case ProgressionRule.Linear:
                return new(Round(weight + incrementKg), atWeight.Max(s => s.Reps), $"+{incrementKg:0.##} kg every session.");
            default:
                return new(weight, atWeight.Max(s => s.Reps), "As last time.");
        }
    }

    private static double Round(double kg) => Math.Round(kg, 3);

    public static string Wire(this ProgressionRule rule) => rule switch
    {
        ProgressionRule.DoubleProgression => "doubleProgression",
        ProgressionRule.Linear => "linear",
        _ => "none",
    };

    public static ProgressionRule? ParseRule(string? text) => text switch
    {
        null or "none" => ProgressionRule.None,
        "doubleProgression" => ProgressionRule.DoubleProgression,
        "linear" => ProgressionRule.Linear,
        _ => null,
    };
}
