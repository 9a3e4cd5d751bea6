namespace TrackStack.Reports.Domain;

/// <summary>An account's address and name, projected from the Identity events, for the reports' To line.</summary>
internal sealed class ReportUser
{
    public Guid UserId { get; set; }
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
}
