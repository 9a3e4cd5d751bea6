namespace TrackStack.Training;

/// <summary>A member's sessions, counted sets and volume between two instants: the home card's week and the digest's.</summary>
internal static class TrainingWeek
{
    public sealed record Figures(int Sessions, int Sets, double VolumeKg);

    public static async Task<Figures> ReadAsync(TrainingDb db, Guid userId, DateTime startUtc, DateTime endUtc, CancellationToken ct)
    {
        var sets = await db.Sets.AsNoTracking().Where(s => s.UserId == userId && s.StartedAt >= startUtc && s.StartedAt < endUtc).ToListAsync(ct);
        var sessions = await db.Workouts.AsNoTracking().CountAsync(w => w.UserId == userId && w.StartedAt >= startUtc && w.StartedAt < endUtc, ct);
        return new Figures(sessions, sets.Count(s => s.Kind.Counts()), WorkoutMapping.Volume(sets));
    }
}
