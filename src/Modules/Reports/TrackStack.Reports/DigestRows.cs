namespace TrackStack.Reports;

/// <summary>A member's view of one built-in digest: whether they get it and when it is sent next (local, with offset),
/// whether on or not.</summary>
public sealed record DigestResponse(string Kind, string Title, string Description, bool Enabled, DateTimeOffset NextSend, string TimeZone);

/// <summary>The caller's choices: only the digests named change.</summary>
public sealed record DigestChoicesRequest(IReadOnlyList<DigestChoiceRequest>? Digests);

public sealed record DigestChoiceRequest(string? Kind, bool? Enabled);

/// <summary>The household's digest rows (one schedule row per digest, made on first use) and the caller's view of them.</summary>
internal static class DigestRows
{
    /// <summary>The row of <paramref name="kind"/>, inserted when missing; a concurrent first insert wins and is read back.
    /// Saves on its own only when it inserts (before any other change is tracked).</summary>
    public static async Task<ReportSchedule> GetOrCreateAsync(ReportsDb db, DigestKind kind, Guid householdId, Guid userId, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.Schedules.FirstOrDefaultAsync(s => s.Digest == kind.Kind, ct) is { } row) return row;
        var fresh = kind.NewRow(householdId, userId, nowUtc);
        db.Schedules.Add(fresh);
        try
        {
            await db.SaveChangesAsync(ct);
            return fresh;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return await db.Schedules.FirstAsync(s => s.Digest == kind.Kind, ct);
        }
    }

    public static async Task<List<DigestResponse>> ForMemberAsync(ReportsDb db, Guid userId, TimeZoneInfo zone, DateTime nowUtc, CancellationToken ct)
    {
        var rows = await db.Schedules.AsNoTracking().Where(s => s.Digest != null).ToListAsync(ct);
        return DigestKind.All.Select(k => new DigestResponse(k.Kind, k.Title, k.Description,
            rows.FirstOrDefault(r => r.Digest == k.Kind)?.RecipientUserIds.Contains(userId) == true,
            ScheduleResponses.Local(SendTimes.Next(k.Expression(), nowUtc, zone, 1)[0], zone), zone.Id)).ToList();
    }
}
