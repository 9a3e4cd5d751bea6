namespace TrackStack.Training;

/// <summary>The in-process <see cref="ITrainingDigestReader"/>: the member's own log only (never another member's,
/// whatever they share), in the caller's household scope.</summary>
internal sealed class TrainingDigestReader(TrainingDb db) : ITrainingDigestReader
{
    public async Task<TrainingWeekFigures> ReadAsync(Guid householdId, Guid userId, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var week = await TrainingWeek.ReadAsync(db, userId, fromUtc, toUtc, ct);
        var workouts = await db.Workouts.AsNoTracking().Where(w => w.UserId == userId && w.StartedAt >= fromUtc && w.StartedAt < toUtc)
            .Include(w => w.Sets).OrderBy(w => w.StartedAt).ThenBy(w => w.Id).ToListAsync(ct);
        var settings = await db.SettingsOfAsync(userId, ct);
        return new TrainingWeekFigures(week.Sessions, week.Sets, week.VolumeKg, settings.Unit == WeightUnit.Lb ? "lb" : "kg",
            workouts.Select(w => new TrainingWorkoutFigure(w.Name, w.StartedAt, w.Sets.Count(s => s.Kind.Counts()), WorkoutMapping.Volume(w.Sets))).ToList());
    }
}
