namespace TrackStack.Training;

/// <summary>A member's training settings: unit kg or lb (how the app shows weights; the API speaks kilograms),
/// formula epley or brzycki, shareLog whether the household's other members may read the log.</summary>
public sealed record TrainingSettingsResponse(string Unit, string Formula, bool ShareLog);

internal static class TrainingSettingsMapping
{
    public static TrainingSettingsResponse ToResponse(this MemberSettings s) =>
        new(s.Unit == WeightUnit.Lb ? "lb" : "kg", s.Formula == E1rmFormula.Brzycki ? "brzycki" : "epley", s.ShareLog);
}
