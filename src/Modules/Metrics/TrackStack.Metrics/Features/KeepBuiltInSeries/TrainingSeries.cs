using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Training.Contracts;

namespace TrackStack.Metrics.Features.KeepBuiltInSeries;

/// <summary>training.volume (kg × reps of the sets that count) and training.sessions (1 per workout), personal to
/// the member, at the workout's start.</summary>
internal sealed class TrainingSeries(BuiltInSeries series)
    : IIntegrationEventHandler<WorkoutCompleted>, IIntegrationEventHandler<WorkoutChanged>, IIntegrationEventHandler<WorkoutDeleted>
{
    public const string Completed = "metrics-builtin-workout-completed";
    public const string Changed = "metrics-builtin-workout-changed";
    public const string Deleted = "metrics-builtin-workout-deleted";

    public async Task HandleAsync(WorkoutCompleted e, CancellationToken ct) => await ApplyAsync(e.HouseholdId, e.UserId, e.WorkoutId, e.StartedAt, e.VolumeKg, e.Version, ct);

    public async Task HandleAsync(WorkoutChanged e, CancellationToken ct) => await ApplyAsync(e.HouseholdId, e.UserId, e.WorkoutId, e.StartedAt, e.VolumeKg, e.Version, ct);

    public async Task HandleAsync(WorkoutDeleted e, CancellationToken ct) => await series.ApplyAsync(e.HouseholdId, Key(e.WorkoutId), e.Version, null, ct);

    private static string Key(Guid workoutId) => $"training.workout:{workoutId:N}";

    private Task<bool> ApplyAsync(Guid householdId, Guid userId, Guid workoutId, DateTime startedAt, double volumeKg, long version, CancellationToken ct)
    {
        var at = DateTime.SpecifyKind(startedAt, DateTimeKind.Utc);
        return series.ApplyAsync(householdId, Key(workoutId), version,
        [
            new BuiltInFigure("training.volume", BuiltInFigure.NoTags(), userId, at, volumeKg),
            new BuiltInFigure("training.sessions", BuiltInFigure.NoTags(), userId, at, 1),
        ], ct);
    }
}
