using TrackStack.Dashboards.Contracts;

namespace TrackStack.Reports;

/// <summary>A schedule as created or replaced. Frequency daily, weekly (Weekday 1 = Monday … 7 = Sunday), monthly
/// (DayOfMonth 1–28 or -1 for the last day) at SendAt ("08:00", local), or cron (five fields, local time). Period
/// day, week or month (by default the frequency's). Recipients are members' user ids (by default the caller). Guests
/// are outside e-mail addresses: each gets an invitation and receives the report only after confirming it; left out
/// (null), the schedule's guests stay as they are. Widgets are the positions (0 = the first) of the dashboard's widgets
/// to send; null or empty sends them all.</summary>
public sealed record ScheduleRequest(
    string? Name, Guid? DashboardId, string? Frequency, int? Weekday, int? DayOfMonth, string? Cron, string? SendAt,
    string? Period, IReadOnlyList<Guid>? Recipients, bool? Enabled, IReadOnlyList<string>? Guests = null, IReadOnlyList<int>? Widgets = null);

internal sealed record CheckedSchedule(string Name, Guid DashboardId, string Frequency, int? Weekday, int? DayOfMonth, string? Cron, string SendAt,
    string Period, List<Guid> Recipients, bool Enabled, Cronos.CronExpression Expression, List<string>? Guests, string? Widgets);

internal static class ScheduleValidation
{
    /// <summary>The schedule's send-time fields alone (also what the editor's preview of the next sends checks).</summary>
    public static Cronos.CronExpression? CheckTimes(FieldErrors errors, string? frequency, int? weekday, int? dayOfMonth, string? cron, string? sendAt, TimeZoneInfo zone, DateTime nowUtc)
    {
        if (frequency is null || !SendTimes.Frequencies.Contains(frequency))
        {
            errors.Add("frequency", $"Use one of {string.Join(", ", SendTimes.Frequencies)}.");
            return null;
        }
        var (expression, error) = SendTimes.Expression(frequency, weekday, dayOfMonth, sendAt ?? "08:00", cron);
        var field = frequency switch { "cron" => "cron", "weekly" when error is not null && !error.Contains("HH:mm", StringComparison.Ordinal) => "weekday",
            "monthly" when error is not null && !error.Contains("HH:mm", StringComparison.Ordinal) => "dayOfMonth", _ => "sendAt" };
        if (expression is null) { errors.Add(field, error!); return null; }
        if (SendTimes.Next(expression, nowUtc, zone, 1).Count == 0) { errors.Add(field, "This schedule never sends."); return null; }
        if (SendTimes.TooFrequent(expression, nowUtc, zone)) { errors.Add(field, $"Send at most once an hour."); return null; }
        return expression;
    }

    public static async Task<(CheckedSchedule? Schedule, FieldErrors Errors)> CheckAsync(
        ScheduleRequest r, Guid householdId, Guid callerId, TimeZoneInfo zone, DateTime nowUtc,
        IDashboardReader dashboards, IHouseholdMembershipQuery members, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = r.Name?.Trim();
        errors.Check(!string.IsNullOrEmpty(name) && name.Length <= ScheduleRules.MaxNameLength, "name", $"Give the report a name of 1 to {ScheduleRules.MaxNameLength} characters.");
        var expression = CheckTimes(errors, r.Frequency, r.Weekday, r.DayOfMonth, r.Cron, r.SendAt, zone, nowUtc);
        var period = r.Period ?? r.Frequency switch { "daily" => "day", "weekly" => "week", "monthly" => "month", _ => null };
        errors.Check(period is not null && SendTimes.Periods.Contains(period), "period", $"Choose the period the report covers: {string.Join(", ", SendTimes.Periods)}.");
        if (r.DashboardId is not { } dashboardId) errors.Add("dashboardId", "Choose the dashboard to send.");
        else if (await dashboards.GetAsync(householdId, dashboardId, ct) is not { } dashboard) errors.Add("dashboardId", "No dashboard of this household has this id.");
        else if (r.Widgets is { Count: > 0 } chosen && chosen.Any(i => i < 0 || i >= dashboard.Widgets.Count))
            errors.Add("widgets", $"Choose widgets by their position on the dashboard, 0 to {dashboard.Widgets.Count - 1}.");
        var widgets = r.Widgets is { Count: > 0 } w ? string.Join(',', w.Distinct().Order()) : null;
        var recipients = (r.Recipients ?? [callerId]).Distinct().ToList();
        errors.Check(recipients.Count is >= 1 and <= ScheduleRules.MaxRecipients, "recipients", $"Choose 1 to {ScheduleRules.MaxRecipients} members.");
        foreach (var id in recipients.Take(ScheduleRules.MaxRecipients))
        {
            if (await members.GetRoleAsync(householdId, id, ct) is null) errors.Add("recipients", $"{id} is not a member of this household.");
        }
        var guests = r.Guests?.Select(g => (g ?? "").Trim().ToLowerInvariant()).Where(g => g.Length > 0).Distinct().ToList();
        errors.Check(guests is null || guests.Count <= ScheduleRules.MaxGuests, "guests", $"Add at most {ScheduleRules.MaxGuests} outside addresses.");
        foreach (var bad in (guests ?? []).Where(g => !IsAddress(g)).Take(3)) errors.Add("guests", $"“{bad}” is not an e-mail address.");
        if (errors.Any) return (null, errors);
        return (new CheckedSchedule(name!, r.DashboardId!.Value, r.Frequency!, r.Frequency == "weekly" ? r.Weekday : null, r.Frequency == "monthly" ? r.DayOfMonth : null,
            r.Frequency == "cron" ? r.Cron!.Trim() : null, r.Frequency == "cron" ? "" : SendTimes.TryParseTime(r.SendAt ?? "08:00", out var t) ? t.ToString("HH:mm", CultureInfo.InvariantCulture) : "08:00",
            period!, recipients, r.Enabled ?? true, expression!, guests, widgets), errors);
    }

    // ASCII only: an address that needs SMTPUTF8 could be refused by the mail server and hold up the whole run.
    private static bool IsAddress(string text) =>
        text.Length is > 3 and <= 254 && System.Text.Ascii.IsValid(text) && System.Net.Mail.MailAddress.TryCreate(text, out var parsed) && parsed.Address == text
        && text.Contains('.', StringComparison.Ordinal);

    public static void CopyTo(this CheckedSchedule c, ReportSchedule s, TimeZoneInfo zone, DateTime nowUtc)
    {
        (s.Name, s.DashboardId, s.Frequency, s.Weekday, s.DayOfMonth, s.Cron, s.SendAt, s.Period, s.RecipientUserIds, s.Enabled, s.Widgets) =
            (c.Name, c.DashboardId, c.Frequency, c.Weekday, c.DayOfMonth, c.Cron, c.SendAt, c.Period, c.Recipients, c.Enabled, c.Widgets);
        s.NextDueAt = c.Enabled ? SendTimes.Next(c.Expression, nowUtc, zone, 1)[0] : null;
    }
}
