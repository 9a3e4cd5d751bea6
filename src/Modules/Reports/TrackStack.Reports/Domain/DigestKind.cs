namespace TrackStack.Reports.Domain;

/// <summary>A built-in digest: what it is called, when it is sent (a fixed frequency at a local time, as a schedule's)
/// and which local period it covers. <see cref="Page"/> is the web app's page the e-mail links to. A
/// <see cref="PerMember"/> digest is built for each recipient from their own data (their food diary), never shared.</summary>
internal sealed record DigestKind(string Kind, string Title, string Description, string Frequency, int? Weekday, int? DayOfMonth, string SendAt, string Period, string Page,
    bool PerMember = false)
{
    public const int MaxKindLength = 20;

    /// <summary>The month's expenses on its last day at 18:00, covering that month (so far); the heating, nutrition and
    /// training weeks on Monday 07:00, covering Monday to Sunday before.</summary>
    public static readonly IReadOnlyList<DigestKind> All =
    [
        new("expenses-month", "The month's expenses",
            "On the last day of each month at 18:00: what remains in each tank, the biggest categories and the bills still pending.",
            "monthly", null, -1, "18:00", "this-month", "expenses"),
        new("heating-week", "Heating this week",
            "On Mondays at 07:00: the season's use against last season's by the same date, the stock and when it runs out.",
            "weekly", 1, null, "07:00", "week", "heating"),
        new("nutrition-week", "Your nutrition this week",
            "On Mondays at 07:00: your own average calories and protein of last week's logged days against your targets. Nobody else's diary.",
            "weekly", 1, null, "07:00", "week", "nutrition", PerMember: true),
        new("training-week", "Your training this week",
            "On Mondays at 07:00: your own sessions, sets and volume of last week, workout by workout. Nobody else's log.",
            "weekly", 1, null, "07:00", "week", "training", PerMember: true),
    ];

    public static DigestKind? Find(string? kind) => All.FirstOrDefault(k => k.Kind == kind);

    public Cronos.CronExpression Expression() => SendTimes.Expression(Frequency, Weekday, DayOfMonth, SendAt, null).Cron!;

    /// <summary>The household's row of this digest, before anyone has turned it on: off, no recipients.</summary>
    public ReportSchedule NewRow(Guid householdId, Guid createdBy, DateTime nowUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = householdId,
        Name = Title,
        Digest = Kind,
        Frequency = Frequency,
        Weekday = Weekday,
        DayOfMonth = DayOfMonth,
        SendAt = SendAt,
        Period = Period,
        Enabled = false,
        CreatedBy = createdBy,
        CreatedAt = nowUtc,
        UpdatedAt = nowUtc,
    };
}
