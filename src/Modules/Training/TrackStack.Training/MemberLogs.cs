namespace TrackStack.Training;

/// <summary>Whose training log the request may read: the member's own always, another member's only when that
/// member shares it with the household. Writes are the member's own only. An unreadable log answers 404, as an
/// unknown one does.</summary>
internal static class MemberLogs
{
    public static async Task<MemberSettings> SettingsOfAsync(this TrainingDb db, Guid userId, CancellationToken ct) =>
        await db.MemberSettings.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, ct)
        ?? new MemberSettings { UserId = userId, Unit = WeightUnit.Kg, Formula = E1rmFormula.Epley, ShareLog = false };

    /// <summary>The member the request reads (itself when memberId is not given), or null when it may not.</summary>
    public static async Task<Guid?> ReadableMemberAsync(this TrainingDb db, HouseholdAccess access, Guid? memberId, CancellationToken ct)
    {
        var member = memberId ?? access.UserId;
        if (member == access.UserId) return member;
        var shared = await db.MemberSettings.AsNoTracking().AnyAsync(s => s.UserId == member && s.ShareLog, ct);
        return shared ? member : null;
    }

    /// <summary>The workouts the request may read: its own and those of members who share.</summary>
    public static IQueryable<Workout> ReadableWorkouts(this TrainingDb db, Guid userId) =>
        db.Workouts.Where(w => w.UserId == userId || db.MemberSettings.Any(s => s.UserId == w.UserId && s.ShareLog));
}
