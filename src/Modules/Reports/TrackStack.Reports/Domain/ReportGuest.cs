namespace TrackStack.Reports.Domain;

/// <summary>An address outside the household that a schedule also goes to, once its owner has confirmed it by the
/// link of the invitation (so a report is never sent to an address that did not ask for it). InvitedAt is when the
/// invitation was accepted by the SMTP server; null until then, and it is tried again when the schedule is saved.</summary>
internal sealed class ReportGuest : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ScheduleId { get; set; }

    /// <summary>Trimmed and lower-cased, so one address is one guest.</summary>
    public string Email { get; set; } = "";
    public Guid InvitedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? InvitedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
}
