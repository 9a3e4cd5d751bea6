namespace TrackStack.Training.Contracts;

/// <summary>One member's own training over a period, for a module in the same process (the Reports module's weekly
/// digest, sent to that member only): the figures of the home card's week (sessions, counted sets, volume) for any
/// period, and its workouts. The caller has entered the household's scope.</summary>
public interface ITrainingDigestReader
{
    Task<TrainingWeekFigures> ReadAsync(Guid householdId, Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}

/// <summary>Volume in kilograms × reps of the sets that count (not warm-ups); Unit is how the member reads weights.</summary>
public sealed record TrainingWeekFigures(int Sessions, int Sets, double VolumeKg, string Unit, IReadOnlyList<TrainingWorkoutFigure> Workouts);

public sealed record TrainingWorkoutFigure(string Name, DateTime StartedAt, int Sets, double VolumeKg);
