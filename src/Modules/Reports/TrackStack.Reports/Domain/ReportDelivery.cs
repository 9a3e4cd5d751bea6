namespace TrackStack.Reports.Domain;

/// <summary>One run of a schedule (one per schedule and due time: the unique key is the claim) or a "send now"
/// preview, and what became of it. Recipients are e-mailed one by one; SentTo keeps who has it, so a retry after a
/// failure never sends twice to the same member.</summary>
internal sealed class ReportDelivery : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ScheduleId { get; set; }
    public DateTime DueAt { get; set; }

    /// <summary>schedule or send-now.</summary>
    public string Trigger { get; set; } = "";
    public DateTime PeriodStart { get; set; }
    public DateTime PeriodEnd { get; set; }

    /// <summary>pending, sent, failed (no attempts left) or skipped (too late to be worth sending).</summary>
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A sender holds the run until then; a crashed sender's run is taken over afterwards.</summary>
    public DateTime? LeaseUntil { get; set; }
    public List<Guid> Recipients { get; set; } = [];
    public List<Guid> SentTo { get; set; } = [];

    /// <summary>The SMTP server's answer or the error of the last attempt.</summary>
    public string? LastAnswer { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
