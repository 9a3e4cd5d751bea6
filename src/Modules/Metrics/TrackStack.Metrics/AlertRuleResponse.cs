namespace TrackStack.Metrics;

/// <summary>A rule as the list shows it, with its current state (ok or firing) and the value of its latest
/// evaluation; never the webhook secret. kind is above, below, noData or spike; window and bucket read "15m", "2h", "1d".</summary>
public sealed record AlertRuleResponse(
    Guid Id, string Name, string Metric, IReadOnlyList<string> Where, Guid? ProductId, string Agg, string Kind,
    double? Threshold, string? Window, string? Bucket, int? Buckets, double? Deviations,
    IReadOnlyList<Guid> NotifyUserIds, string? WebhookUrl, bool Enabled, string State, Guid? CurrentFiringId,
    DateTime? LastEvaluatedAt, double? LastValue, long Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>The created rule and its webhook secret, shown only this once (it signs the webhook's requests).</summary>
public sealed record CreatedAlertRuleResponse(AlertRuleResponse Rule, string WebhookSecret);

/// <summary>One episode of a rule: fired and (once) resolved, with the values, the summaries and what the webhook
/// answered (a status code, or an error when it could not be reached; both null without a webhook).</summary>
public sealed record AlertFiringResponse(
    Guid Id, Guid RuleId, DateTime FiredAt, DateTime? ResolvedAt, double? FireValue, double? ResolveValue,
    string Summary, string? ResolveSummary, int? FireWebhookStatus, string? FireWebhookError, int? ResolveWebhookStatus, string? ResolveWebhookError);

internal static class AlertMapping
{
    public static string Name(this AlertKind kind) => kind == AlertKind.NoData ? "noData" : kind.ToString().ToLowerInvariant();

    public static AlertRuleResponse ToResponse(this AlertRule r) => new(
        r.Id, r.Name, r.Metric, SeriesKey.ParseTags(r.Tags).Select(t => $"{t.Key}:{t.Value}").ToList(), r.ProductId,
        r.Aggregation.ToString().ToLowerInvariant(), r.Kind.Name(), r.Threshold,
        r.WindowMinutes is { } w ? AlertDurations.Format(w) : null, r.BucketMinutes is { } b ? AlertDurations.Format(b) : null,
        r.TrailingBuckets, r.Deviations, r.NotifyUserIdList, r.WebhookUrl, r.Enabled, r.State.ToString().ToLowerInvariant(),
        r.CurrentFiringId, r.LastEvaluatedAt, r.LastValue, r.Version, r.CreatedAt, r.UpdatedAt);

    public static AlertFiringResponse ToResponse(this AlertFiring f) => new(
        f.Id, f.RuleId, f.FiredAt, f.ResolvedAt, f.FireValue, f.ResolveValue, f.Summary, f.ResolveSummary,
        f.FireWebhookStatus, f.FireWebhookError, f.ResolveWebhookStatus, f.ResolveWebhookError);
}
