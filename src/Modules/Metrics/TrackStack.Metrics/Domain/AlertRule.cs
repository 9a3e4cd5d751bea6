namespace TrackStack.Metrics.Domain;

/// <summary>A condition on a metric that the server evaluates on a schedule. It fires once when the condition
/// becomes true and resolves once it has been false on <see cref="Hysteresis.ClearEvaluationsToResolve"/>
/// consecutive evaluations. <see cref="Version"/> goes up on every write (an edit or an evaluation), and an
/// evaluation writes only when the version is still the one it read, so two replicas never both fire one episode.</summary>
internal sealed class AlertRule : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Name { get; set; } = "";
    public string Metric { get; set; } = "";
    /// <summary>Only the series of this product, or of every product of the household when null.</summary>
    public Guid? ProductId { get; set; }
    /// <summary>The tag filter as canonical tags JSON ("{}" for none): a series matches when it has every tag.</summary>
    public string Tags { get; set; } = "{}";
    public Aggregation Aggregation { get; set; }
    public AlertKind Kind { get; set; }
    /// <summary>For Above and Below.</summary>
    public double? Threshold { get; set; }
    /// <summary>The window in minutes: evaluated over the last window (Above, Below) or the time without any point (NoData).</summary>
    public int? WindowMinutes { get; set; }
    /// <summary>Spike: the bucket size in minutes, how many trailing buckets make the baseline, and k.</summary>
    public int? BucketMinutes { get; set; }
    public int? TrailingBuckets { get; set; }
    public double? Deviations { get; set; }
    /// <summary>Household members the Reports module e-mails, comma-separated user ids.</summary>
    public string NotifyUserIds { get; set; } = "";
    public string? WebhookUrl { get; set; }
    /// <summary>The webhook secret, protected with ASP.NET Core Data Protection (it must be usable to sign).</summary>
    public string ProtectedSecret { get; set; } = "";
    public bool Enabled { get; set; }
    public AlertState State { get; set; }
    public Guid? CurrentFiringId { get; set; }
    /// <summary>Consecutive evaluations with the condition false while firing.</summary>
    public int ClearEvaluations { get; set; }
    public long Version { get; set; }
    public DateTime? LastEvaluatedAt { get; set; }
    public double? LastValue { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<Guid> NotifyUserIdList =>
        NotifyUserIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.Parse(s, CultureInfo.InvariantCulture)).ToList();
}
