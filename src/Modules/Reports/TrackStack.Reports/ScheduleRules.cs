namespace TrackStack.Reports;

/// <summary>Limits of a schedule.</summary>
internal static class ScheduleRules
{
    public const int MaxNameLength = 100;
    public const int MaxSchedules = 50;
    public const int MaxRecipients = 50;
    public const int MaxGuests = 10;
}
