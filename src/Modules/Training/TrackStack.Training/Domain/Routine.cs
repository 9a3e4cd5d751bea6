namespace TrackStack.Training.Domain;

/// <summary>A named programme shared by the household (Push / Pull / Legs). Its days are one JSON document
/// (<see cref="RoutineDay"/>): they are always read and written whole, never queried by part.</summary>
internal sealed class Routine : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string Days { get; set; } = "[]";
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>One day of a routine: its exercises in order.</summary>
internal sealed record RoutineDay(string Name, List<RoutineExercise> Exercises);

/// <summary>An exercise of a routine day: target sets, rep range, optional RPE or reps in reserve (RIR; null in
/// routines stored before it existed), rest, a superset group (exercises
/// of a day with the same group alternate) and the progression rule with its increment.</summary>
internal sealed record RoutineExercise(Guid ExerciseId, int Sets, int RepMin, int RepMax, double? TargetRpe, int RestSeconds,
    string? Superset, ProgressionRule Rule, double IncrementKg, int? TargetRir = null);
