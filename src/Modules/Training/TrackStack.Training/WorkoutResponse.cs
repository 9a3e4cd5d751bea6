namespace TrackStack.Training;

/// <summary>A workout with its sets in order. Records are those its sets set against the member's earlier
/// workouts (computed, so a replayed create, a read and the first answer agree).</summary>
public sealed record WorkoutResponse(Guid Id, Guid UserId, string Name, string? Notes, DateTime StartedAt, DateTime? EndedAt,
    Guid? RoutineId, int? RoutineDay, string Source, int SetCount, double VolumeKg, long Version,
    IReadOnlyList<SetResponse> Sets, IReadOnlyList<RecordResponse> Records);

/// <summary>A stored set with its estimated 1RM (by the member's formula; null beyond 12 reps or without weight).</summary>
public sealed record SetResponse(Guid Id, Guid ExerciseId, int Position, string Kind, double? WeightKg, int? Reps, double? Rpe,
    int? DurationSeconds, double? DistanceM, string? Notes, double? E1rmKg);

/// <summary>A personal record: kind heaviestWeight (value kg), bestE1rm (kg), mostRepsAtWeight (reps at weightKg)
/// or bestSessionVolume (kg × reps); previous is the mark it beat, when it was detected as a new one.</summary>
public sealed record RecordResponse(Guid ExerciseId, string Kind, double Value, double? WeightKg, Guid WorkoutId, DateTime StartedAt, double? Previous);

/// <summary>A workout in a list: no sets, their count and volume.</summary>
public sealed record WorkoutSummaryResponse(Guid Id, Guid UserId, string Name, DateTime StartedAt, DateTime? EndedAt, string Source,
    int SetCount, double VolumeKg, int ExerciseCount);
