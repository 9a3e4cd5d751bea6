namespace TrackStack.Training.Domain;

/// <summary>What a set of the exercise records: weight × reps, reps of the body's weight, reps with help (the weight
/// is the assistance, so less is harder), a time or a distance.</summary>
internal enum ExerciseType
{
    WeightReps,
    BodyweightReps,
    Assisted,
    Time,
    Distance,
}

internal static class ExerciseTypes
{
    public static string Wire(this ExerciseType type) => type switch
    {
        ExerciseType.WeightReps => "weightReps",
        ExerciseType.BodyweightReps => "bodyweightReps",
        ExerciseType.Assisted => "assisted",
        ExerciseType.Time => "time",
        _ => "distance",
    };

    public static ExerciseType? Parse(string? text) => text switch
    {
        "weightReps" => ExerciseType.WeightReps,
        "bodyweightReps" => ExerciseType.BodyweightReps,
        "assisted" => ExerciseType.Assisted,
        "time" => ExerciseType.Time,
        "distance" => ExerciseType.Distance,
        _ => null,
    };

    public const string Choices = "weightReps, bodyweightReps, assisted, time or distance";
}
