namespace TrackStack.Reports.Domain;

/// <summary>A dashboard e-mailed on a schedule: when (a frequency at a local time in the household's zone, or a cron
/// expression), what period it covers, and to which members. NextDueAt is the next send in UTC; the scheduler
/// claims it by moving it on (Version is checked, so of two replicas one wins).</summary>
internal sealed class ReportSchedule : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public Guid DashboardId { get; set; }

    /// <summary>Null for a dashboard's report; a built-in digest's kind (expenses-month, heating-week): then the
    /// household has one such row, its times are the digest's, and its recipients are the members who turned it on.</summary>
    public string? Digest { get; set; }

    /// <summary>daily, weekly, monthly or cron.</summary>
    public string Frequency { get; set; } = "";

    /// <summary>Weekly: 1 (Monday) to 7 (Sunday).</summary>
    public int? Weekday { get; set; }

    /// <summary>Monthly: 1 to 28, or -1 for the last day of the month.</summary>
    public int? DayOfMonth { get; set; }

    /// <summary>Frequency cron: five fields (minute hour day month weekday) in local time.</summary>
    public string? Cron { get; set; }

    /// <summary>Local time of day of the send, "HH:mm" (daily, weekly, monthly).</summary>
    public string SendAt { get; set; } = "08:00";

    /// <summary>day, week or month: the whole local period before the send.</summary>
    public string Period { get; set; } = "";
    public List<Guid> RecipientUserIds { get; set; } = [];

    /// <summary>The chosen widgets as positions on the dashboard ("0,2"), or null for all of them.</summary>
    public string? Widgets { get; set; }

    public IReadOnlyList<int>? WidgetList => Widgets is null ? null : [.. Widgets.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))];
    public bool Enabled { get; set; }
    public DateTime? NextDueAt { get; set; }
    public long Version { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
