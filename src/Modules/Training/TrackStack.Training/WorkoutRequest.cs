namespace TrackStack.Training;

/// <summary>A whole workout as logged: the client sends it once it is finished (offline: when the connection
/// returns), with its own id so a replay is a no-op. Weights are kilograms; times are UTC instants.</summary>
public sealed record WorkoutRequest(Guid? Id, string? Name, string? Notes, DateTime? StartedAt, DateTime? EndedAt,
    Guid? RoutineId, int? RoutineDay, IReadOnlyList<SetRequest>? Sets);

/// <summary>One set: kind is working (default), warmUp, drop or failure; rpe 1–10 in halves.</summary>
public sealed record SetRequest(Guid? ExerciseId, string? Kind, double? WeightKg, int? Reps, double? Rpe,
    int? DurationSeconds, double? DistanceM, string? Notes);
