namespace TrackStack.Metrics;

/// <summary>An alert rule. <c>kind</c> is above, below, noData or spike. Above/below need <c>threshold</c> and
/// <c>window</c> ("15m", "2h", "1d": the aggregate over the last window); noData needs <c>window</c> (the time
/// without any point); spike needs <c>bucket</c> (the size of the latest bucket and of each of the trailing ones),
/// <c>buckets</c> (2–100 trailing buckets) and <c>deviations</c> (k, more than 0). <c>agg</c> is sum, avg
/// (default), count, min, max or last; <c>where</c> filters tags as the query API does ("room:kitchen");
/// <c>notifyUserIds</c> are household members the Reports module e-mails; <c>webhookUrl</c> is https (or http on
/// localhost/127.0.0.1).</summary>
public sealed record AlertRuleRequest(
    string? Name, string? Metric, IReadOnlyList<string?>? Where, Guid? ProductId, string? Agg, string? Kind,
    double? Threshold, string? Window, string? Bucket, int? Buckets, double? Deviations,
    IReadOnlyList<Guid>? NotifyUserIds, string? WebhookUrl, bool? Enabled)
{
    public const int MaxNotify = 50;
    private const int MaxSpikeRollups = 10_000;

    internal async Task<(FieldErrors Errors, AlertRuleValues Values)> ValidateAsync(MetricsDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = Name?.Trim();
        errors.Check(!string.IsNullOrEmpty(name) && name.Length <= 100, "name", "Give the rule a name of 1 to 100 characters.");
        errors.Check(PointRules.IsName(Metric), "metric", "Name the metric. " + PointRules.NameRule);
        var filters = MetricSeries.ParseWhere(Where, errors);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in filters)
        {
            if (!tags.TryAdd(key, value)) errors.Add("where", $"The tag '{key}' is given twice.");
        }
        errors.Check(tags.Count <= PointRules.MaxTags, "where", $"Filter on at most {PointRules.MaxTags} tags.");
        if (ProductId is { } product) errors.Check(await db.Products.AnyAsync(p => p.Id == product, ct), "productId", "There is no such product in this household.");
        var aggOk = Enum.TryParse<Aggregation>(Agg ?? "avg", ignoreCase: true, out var agg) && !int.TryParse(Agg, out _);
        errors.Check(aggOk, "agg", "Use sum, avg, count, min, max or last.");
        var kindOk = Enum.TryParse<AlertKind>(Kind?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var kind) && !int.TryParse(Kind, out _);
        errors.Check(kindOk, "kind", "Use above, below, noData or spike.");

        int? window = null, bucket = null;
        if (kindOk && kind is AlertKind.Above or AlertKind.Below)
        {
            errors.Check(Threshold is { } t && double.IsFinite(t) && Math.Abs(t) <= PointRules.MaxAbsValue, "threshold", "Give the threshold, a finite number.");
        }
        if (kindOk && kind is AlertKind.Above or AlertKind.Below or AlertKind.NoData)
        {
            window = AlertDurations.Parse(Window);
            errors.Check(window is not null, "window", AlertDurations.Rule);
        }
        if (kindOk && kind == AlertKind.Spike)
        {
            bucket = AlertDurations.Parse(Bucket);
            errors.Check(bucket is not null, "bucket", AlertDurations.Rule);
            errors.Check(Buckets is >= 2 and <= 100, "buckets", "Compare with 2 to 100 trailing buckets.");
            errors.Check(Deviations is { } k && double.IsFinite(k) && k is > 0 and <= 100, "deviations", "Give k, the standard deviations that make a spike: more than 0, at most 100.");
            if (bucket is { } b && Buckets is >= 2 and <= 100)
            {
                var unit = (int)AlertDurations.Length(AlertDurations.ResolutionFor(b)).TotalMinutes;
                errors.Check((long)(Buckets.Value + 1) * b / unit <= MaxSpikeRollups, "bucket",
                    $"The latest and the trailing buckets together cover at most {MaxSpikeRollups} rollups; use fewer or larger buckets (whole hours or days).");
            }
        }

        var notify = NotifyUserIds ?? [];
        errors.Check(notify.Count <= MaxNotify, "notifyUserIds", $"Notify at most {MaxNotify} members.");
        errors.Check(!notify.Contains(Guid.Empty), "notifyUserIds", "Give members' user ids; an empty id is none.");

        var url = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();
        errors.Check(url is null || IsWebhookUrl(url), "webhookUrl", "Give an absolute https URL (http only on localhost or 127.0.0.1), at most 2000 characters, without user info.");

        var values = new AlertRuleValues(name ?? "", Metric ?? "", SeriesKey.CanonicalTags(tags), ProductId, agg, kind,
            kind is AlertKind.Above or AlertKind.Below ? Threshold : null, window, bucket,
            kind == AlertKind.Spike ? Buckets : null, kind == AlertKind.Spike ? Deviations : null,
            string.Join(',', notify.Distinct().Select(g => g.ToString())), url, Enabled ?? true);
        return (errors, values);
    }

    internal static bool IsWebhookUrl(string url)
    {
        if (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0) return false;
        if (uri.Scheme == Uri.UriSchemeHttps) return true;
        return uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback && uri.Host is "localhost" or "127.0.0.1" or "[::1]");
    }
}

/// <summary>A validated request, ready to store.</summary>
internal sealed record AlertRuleValues(
    string Name, string Metric, string Tags, Guid? ProductId, Aggregation Aggregation, AlertKind Kind,
    double? Threshold, int? WindowMinutes, int? BucketMinutes, int? TrailingBuckets, double? Deviations,
    string NotifyUserIds, string? WebhookUrl, bool Enabled)
{
    public void ApplyTo(AlertRule rule, DateTime now)
    {
        rule.Name = Name;
        rule.Metric = Metric;
        rule.Tags = Tags;
        rule.ProductId = ProductId;
        rule.Aggregation = Aggregation;
        rule.Kind = Kind;
        rule.Threshold = Threshold;
        rule.WindowMinutes = WindowMinutes;
        rule.BucketMinutes = BucketMinutes;
        rule.TrailingBuckets = TrailingBuckets;
        rule.Deviations = Deviations;
        rule.NotifyUserIds = NotifyUserIds;
        rule.WebhookUrl = WebhookUrl;
        rule.Enabled = Enabled;
        rule.UpdatedAt = now;
        rule.Version++;
    }
}
