using Microsoft.AspNetCore.DataProtection;

namespace TrackStack.Reports;

/// <summary>The links of a report e-mail. The dashboard's page; and the signed one-click unsubscribe link: it names
/// the household, the schedule (or digest row) and the member, protected by ASP.NET Core Data Protection (keys in the data dir), so it cannot be forged or pointed at
/// someone else. It does not expire: an old report's link still works. And the confirmation link of an outside
/// address, which expires after <see cref="GuestLinkLifetime"/>.</summary>
internal sealed class ReportLinks(IDataProtectionProvider protection, IOptions<TrackStackOptions> platform)
{
    /// <summary>How long an outside address's confirmation link works; saving the schedule after that sends a new one.</summary>
    public static readonly TimeSpan GuestLinkLifetime = TimeSpan.FromDays(14);

    private readonly IDataProtector _protector = protection.CreateProtector("TrackStack.Reports.Unsubscribe.v1");
    private readonly ITimeLimitedDataProtector _guests = protection.CreateProtector("TrackStack.Reports.GuestConfirm.v1").ToTimeLimitedDataProtector();

    public string DashboardUrl(Guid dashboardId) => $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/dashboards?dashboard={dashboardId}";

    /// <summary>A page of the web app, e.g. "expenses".</summary>
    public string PageUrl(string page) => $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/{page}";

    public string UnsubscribeUrl(Guid householdId, Guid scheduleId, Guid userId) =>
        $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/api/reports/unsubscribe?token={Uri.EscapeDataString(_protector.Protect($"{householdId:N}.{scheduleId:N}.{userId:N}"))}";

    /// <summary>The link of a guest's invitation: names the household, the schedule and the guest; expires.</summary>
    public string ConfirmGuestUrl(Guid householdId, Guid scheduleId, Guid guestId) =>
        $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/api/reports/guests/confirm?token={Uri.EscapeDataString(_guests.Protect($"{householdId:N}.{scheduleId:N}.{guestId:N}", GuestLinkLifetime))}";

    /// <summary>An unsubscribe token's household, schedule and member (or guest); null when forged or damaged.</summary>
    public (Guid HouseholdId, Guid ScheduleId, Guid UserId)? Read(string? token) => Parse(token, _protector);

    /// <summary>A confirmation token's household, schedule and guest; null when forged, damaged or expired.</summary>
    public (Guid HouseholdId, Guid ScheduleId, Guid GuestId)? ReadGuest(string? token) => Parse(token, _guests);

    private static (Guid, Guid, Guid)? Parse(string? token, IDataProtector protector)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        string text;
        try { text = protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = text.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var h) && Guid.TryParseExact(parts[1], "N", out var s) && Guid.TryParseExact(parts[2], "N", out var u)
            ? (h, s, u) : null;
    }
}
