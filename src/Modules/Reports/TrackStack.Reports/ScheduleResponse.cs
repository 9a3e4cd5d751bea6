namespace TrackStack.Reports;

/// <summary>A schedule with its next three sends in the household's local time and its outside recipients.</summary>
public sealed record ScheduleResponse(
    Guid Id, string Name, Guid DashboardId, string Frequency, int? Weekday, int? DayOfMonth, string? Cron, string? SendAt, string Period,
    IReadOnlyList<Guid> Recipients, bool Enabled, IReadOnlyList<DateTimeOffset> NextSends, string TimeZone, DateTime UpdatedAt,
    IReadOnlyList<GuestResponse> Guests, IReadOnlyList<int>? Widgets);

/// <summary>An outside address of a schedule. Status: "confirmed" (receives the report), "invited" (the invitation
/// was sent, no answer yet), "expired" (its link is too old: saving the schedule sends a new one), or "not-invited"
/// (no SMTP server, or the send failed: saving the schedule tries again).</summary>
public sealed record GuestResponse(string Email, string Status, DateTime? InvitedAt, DateTime? ConfirmedAt);

/// <summary>One run of a schedule: when it was due, the period it covered, what happened and the server's answer.</summary>
public sealed record DeliveryResponse(
    Guid Id, Guid ScheduleId, DateTime DueAt, string Trigger, DateTime PeriodStart, DateTime PeriodEnd, string Status, int Attempts,
    DateTime? NextAttemptAt, int Recipients, int SentTo, string? Answer, DateTime CreatedAt, DateTime? SentAt);

internal static class ScheduleResponses
{
    public static ScheduleResponse ToResponse(this ReportSchedule s, TimeZoneInfo zone, DateTime nowUtc, IReadOnlyList<ReportGuest>? guests)
    {
        var (cron, _) = SendTimes.Expression(s.Frequency, s.Weekday, s.DayOfMonth, s.SendAt, s.Cron);
        var next = s.Enabled && cron is not null ? SendTimes.Next(cron, nowUtc, zone, 3).Select(t => Local(t, zone)).ToList() : [];
        return new ScheduleResponse(s.Id, s.Name, s.DashboardId, s.Frequency, s.Weekday, s.DayOfMonth, s.Cron, s.Frequency == "cron" ? null : s.SendAt, s.Period,
            s.RecipientUserIds, s.Enabled, next, zone.Id, s.UpdatedAt,
            (guests ?? []).Select(g => new GuestResponse(g.Email, GuestStatus(g, nowUtc), g.InvitedAt, g.ConfirmedAt)).ToList(), s.WidgetList);
    }

    private static string GuestStatus(ReportGuest g, DateTime nowUtc) => g switch
    {
        { ConfirmedAt: not null } => "confirmed",
        { InvitedAt: { } sent } when nowUtc - sent > ReportLinks.GuestLinkLifetime => "expired",
        { InvitedAt: not null } => "invited",
        _ => "not-invited",
    };

    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone)
    {
        var u = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(u).ToOffset(zone.GetUtcOffset(u));
    }

    public static DeliveryResponse ToResponse(this ReportDelivery d) =>
        new(d.Id, d.ScheduleId, d.DueAt, d.Trigger, d.PeriodStart, d.PeriodEnd, d.Status, d.Attempts, d.Status == "pending" ? d.NextAttemptAt : null,
            d.Recipients.Count, d.SentTo.Count, d.LastAnswer, d.CreatedAt, d.SentAt);
}
