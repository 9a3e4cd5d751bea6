namespace TrackStack.Training.Domain;

/// <summary>One training session of one member. Private to that member unless they share their log with the
/// household. The id may be the client's (a workout logged offline is sent once it is finished).</summary>
internal sealed class Workout : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string? Notes { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>The routine day it was started from, if any (the next day of the routine follows it).</summary>
    public Guid? RoutineId { get; set; }
    public int? RoutineDay { get; set; }
    /// <summary>"app", "strong" or "hevy": where it was logged.</summary>
    public string Source { get; set; } = "app";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<WorkoutSet> Sets { get; set; } = [];
}
