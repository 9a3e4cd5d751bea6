namespace TrackStack.Training.Domain;

/// <summary>One set of a workout. Weight is always kilograms (a member who trains in pounds sees them converted);
/// the member and start time are copied from the workout so history and records read one table.</summary>
internal sealed class WorkoutSet : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid WorkoutId { get; set; }
    public Guid UserId { get; set; }
    public DateTime StartedAt { get; set; }
    public Guid ExerciseId { get; set; }
    /// <summary>0-based place in the workout: sets of one exercise keep their order, exercises theirs.</summary>
    public int Position { get; set; }
    public SetKind Kind { get; set; }
    public double? WeightKg { get; set; }
    public int? Reps { get; set; }
    public double? Rpe { get; set; }
    public int? DurationSeconds { get; set; }
    public double? DistanceM { get; set; }
    public string? Notes { get; set; }
}
