using Microsoft.AspNetCore.DataProtection;

namespace TrackStack.Reports;

/// <summary>The links of a report e-mail. The dashboard's page; and the signed one-click unsubscribe link: it names
/// the household, the schedule (or digest row) and the member, protected by ASP.NET Core Data Protection (keys in the data dir), so it cannot be forged or pointed at
/// someone else. It does not expire: an old report's link still works.</summary>
internal sealed class ReportLinks(IDataProtectionProvider protection, IOptions<TrackStackOptions> platform)
{
    private readonly IDataProtector _protector = protection.CreateProtector("TrackStack.Reports.Unsubscribe.v1");

    public string DashboardUrl(Guid dashboardId) => $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/dashboards?dashboard={dashboardId}";

    /// <summary>A page of the web app, e.g. "expenses".</summary>
    public string PageUrl(string page) => $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/{page}";

    public string UnsubscribeUrl(Guid householdId, Guid scheduleId, Guid userId) =>
        $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/api/reports/unsubscribe?token={Uri.EscapeDataString(_protector.Protect($"{householdId:N}.{scheduleId:N}.{userId:N}"))}";

    public (Guid HouseholdId, Guid ScheduleId, Guid UserId)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        string text;
        try { text = _protector.Unprotect(token); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = text.Split('.');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var h) && Guid.TryParseExact(parts[1], "N", out var s) && Guid.TryParseExact(parts[2], "N", out var u)
            ? (h, s, u) : null;
    }
}
