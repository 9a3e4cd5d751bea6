namespace TrackStack.Metrics.Domain;

/// <summary>One episode of a rule: from the evaluation that fired it to the one that resolved it, with what the
/// webhook answered each time (a status code, or the error when it could not be reached).</summary>
internal sealed class AlertFiring : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid RuleId { get; set; }
    public Guid HouseholdId { get; set; }
    public DateTime FiredAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public double? FireValue { get; set; }
    public double? ResolveValue { get; set; }
    public string Summary { get; set; } = "";
    public string? ResolveSummary { get; set; }
    public int? FireWebhookStatus { get; set; }
    public string? FireWebhookError { get; set; }
    public int? ResolveWebhookStatus { get; set; }
    public string? ResolveWebhookError { get; set; }
}
