using System.ComponentModel.DataAnnotations;

namespace TrackStack.Metrics;

/// <summary>Settings of the metrics module, bound from TrackStack:Metrics (TrackStack__Metrics__KeyRequestsPerSecond).</summary>
internal sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Requests one API key may make per second before it gets 429 with Retry-After.</summary>
    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100000.")]
    public int KeyRequestsPerSecond { get; set; } = 100;

    /// <summary>Requests with an unknown, revoked or expired key one client address may make per minute; after
    /// that its key requests get 429 until the minute is over (guessing keys is slowed, real keys are unaffected
    /// unless they share the address).</summary>
    [Range(1, 100_000, ErrorMessage = "must be between 1 and 100000.")]
    public int FailedKeyAttemptsPerMinute { get; set; } = 30;

    /// <summary>The largest ingest body (JSON or line protocol); larger ones get 413.</summary>
    [Range(1024, 256 * 1024 * 1024, ErrorMessage = "must be between 1024 and 268435456.")]
    public int MaxIngestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Seconds between two evaluations of the alert rules (the first one follows one interval after start);
    /// 0 turns the schedule off in this process (another replica evaluates). A rule evaluated less than half an
    /// interval ago, by any replica, waits for the next pass.</summary>
    [Range(0, 86_400, ErrorMessage = "must be between 0 (off) and 86400.")]
    public int AlertEvaluationSeconds { get; set; } = 60;

    /// <summary>Seconds an alert webhook may take to answer before the call counts as failed.</summary>
    [Range(1, 60, ErrorMessage = "must be between 1 and 60.")]
    public int AlertWebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>Lets alert webhooks reach private, loopback and link-local addresses (a receiver on the home network or
    /// this machine). Off by default: a household admin's URL must not make the server call its own network.</summary>
    public bool AllowPrivateWebhookAddresses { get; set; }
}
