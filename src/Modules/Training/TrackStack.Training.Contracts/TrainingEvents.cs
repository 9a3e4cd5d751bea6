using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Training.Contracts;

/// <summary>A member finished a workout (logged it, or an import stored it). VolumeKg sums weight × reps of the
/// sets that count (not warm-ups); Version is the workout's own counter (1 when stored).</summary>
[EventType("training.workout-completed.v1")]
public sealed record WorkoutCompleted(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid WorkoutId, Guid UserId, DateTime StartedAt, DateTime? EndedAt,
    int Sets, double VolumeKg, int DurationSeconds, long Version) : IHouseholdEvent;

/// <summary>A logged set beat the member's earlier best of an exercise. Kind is heaviestWeight, bestE1rm,
/// mostRepsAtWeight (Value in reps at WeightKg) or bestSessionVolume; Previous is the mark it beat.</summary>
[EventType("training.personal-record-set.v1")]
public sealed record PersonalRecordSet(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid WorkoutId, Guid UserId, Guid ExerciseId, string Kind,
    double Value, double? WeightKg, double? Previous) : IHouseholdEvent;

/// <summary>A member corrected a workout (its start, sets or volume): the workout's figures now, as in
/// <see cref="WorkoutCompleted"/>, at its new Version.</summary>
[EventType("training.workout-changed.v1")]
public sealed record WorkoutChanged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid WorkoutId, Guid UserId, DateTime StartedAt, DateTime? EndedAt,
    int Sets, double VolumeKg, int DurationSeconds, long Version) : IHouseholdEvent;

/// <summary>A member deleted a workout; Version is one more than its last.</summary>
[EventType("training.workout-deleted.v1")]
public sealed record WorkoutDeleted(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid WorkoutId, Guid UserId, long Version) : IHouseholdEvent;
