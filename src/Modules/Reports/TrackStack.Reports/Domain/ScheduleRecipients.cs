namespace TrackStack.Reports.Domain;

/// <summary>Adding and removing a member of a schedule's recipients. A digest's row sends while someone has it on:
/// the first member turns it on (its next send computed from now, so an old missed send is not caught up) and the
/// last one to leave turns it off. A dashboard's schedule keeps its on/off as its editor set it.</summary>
internal static class ScheduleRecipients
{
    /// <summary>Whether anything changed. The caller bumps nothing: the version moves here, so a claim running at
    /// the same moment makes one of the two saves fail instead of both landing.</summary>
    public static bool Add(this ReportSchedule s, Guid userId, TimeZoneInfo zone, DateTime nowUtc)
    {
        if (s.RecipientUserIds.Contains(userId)) return false;
        s.RecipientUserIds = [.. s.RecipientUserIds, userId];
        if (s.Digest is not null && !s.Enabled)
        {
            var kind = DigestKind.Find(s.Digest)!;
            s.Enabled = true;
            s.NextDueAt = SendTimes.Next(kind.Expression(), nowUtc, zone, 1)[0];
        }
        s.Version++;
        s.UpdatedAt = nowUtc;
        return true;
    }

    public static bool Remove(this ReportSchedule s, Guid userId, DateTime nowUtc)
    {
        if (!s.RecipientUserIds.Contains(userId)) return false;
        s.RecipientUserIds = [.. s.RecipientUserIds.Where(u => u != userId)];
        if (s.Digest is not null && s.RecipientUserIds.Count == 0)
        {
            s.Enabled = false;
            s.NextDueAt = null;
        }
        s.Version++;
        s.UpdatedAt = nowUtc;
        return true;
    }
}
