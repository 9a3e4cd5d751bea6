namespace TrackStack.Metrics.Features.WriteLineProtocol;

/// <summary>InfluxDB-compatible writes: /api/v2/write (2.x, "Authorization: Token") and /write (1.x). The key
/// decides household and product; bucket and db are required as InfluxDB requires them, and otherwise unused.</summary>
internal static class WriteLineProtocol
{
    public static void MapWriteLineProtocol(this RouteGroupBuilder keyed)
    {
        keyed.MapPost("/api/v2/write", (string? bucket, string? precision, HttpContext http, MetricsDb db, TimeProvider clock, IOptions<MetricsOptions> options, CancellationToken ct) =>
                HandleAsync(bucket, "bucket", precision, http, db, clock, options, ct))
            .WithTags("Metrics").WithSummary("Write InfluxDB line protocol (InfluxDB 2 API: Authorization: Token <key>, precision ns|us|ms|s)")
            .Accepts<string>("text/plain");
        keyed.MapPost("/write", (string? db, string? precision, HttpContext http, MetricsDb metrics, TimeProvider clock, IOptions<MetricsOptions> options, CancellationToken ct) =>
                HandleAsync(db, "db", precision, http, metrics, clock, options, ct))
            .WithTags("Metrics").WithSummary("Write InfluxDB line protocol (InfluxDB 1.x API)")
            .Accepts<string>("text/plain");
    }

    /// <summary>Points (fields of lines) one write may carry: a Telegraf batch of 1,000 lines with 50 fields each.</summary>
    public const int MaxPoints = 50_000;

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string? target, string targetName, string? precision, HttpContext http, MetricsDb db, TimeProvider clock, IOptions<MetricsOptions> options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(target)) return Invalid($"The '{targetName}' parameter is required.", null);
        if (LineProtocol.UnitNanoseconds(precision) is not { } unit) return Invalid($"The precision '{precision}' is not one of ns, us, ms, s.", null);
        var (text, problem) = await IngestBody.ReadAsync(http.Request, options.Value.MaxIngestBytes, ct);
        if (problem is not null) return problem;

        var access = http.GetKeyAccess();
        var now = StoredTime.Now(clock);
        var (lines, errors) = LineProtocol.Parse(text!);
        var points = new List<Point>();
        foreach (var line in lines)
        {
            var (mapped, error) = LineMapping.ToPoints(line, unit, now);
            if (error is not null) errors.Add(error);
            else points.AddRange(mapped);
        }
        // One transaction holds SQLite's write lock: a body of millions of tiny lines is refused as too large, which
        // makes Telegraf split the batch and send the halves.
        if (points.Count > MaxPoints)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many points",
                detail: $"Send at most {MaxPoints:N0} points per request; this body has {points.Count:N0}. Nothing was written.",
                extensions: new Dictionary<string, object?> { ["code"] = "request too large", ["message"] = $"at most {MaxPoints} points per request" });
        }
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await PointWriter.StoreAsync(db, access.HouseholdId, access.ProductId, points, now, ct);
            await tx.CommitAsync(ct);
        }
        IngestTelemetry.Count("line", points.Count, errors.Count);
        if (errors.Count == 0) return TypedResults.NoContent();
        var first = errors.MinBy(e => e.Line)!;
        return Invalid($"line {first.Line}: {first.Message}" + (errors.Count > 1 ? $" ({errors.Count} lines were refused; the others were written)" : " (the other lines were written)"), first.Line);
    }

    /// <summary>Problem details that also carry InfluxDB's error shape (code, message), which its clients log.</summary>
    private static ProblemHttpResult Invalid(string message, int? line) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid line protocol", detail: message,
            extensions: new Dictionary<string, object?> { ["code"] = "invalid", ["message"] = message, ["line"] = line });
}
