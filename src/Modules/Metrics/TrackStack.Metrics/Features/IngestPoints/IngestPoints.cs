using System.Text.Json;

namespace TrackStack.Metrics.Features.IngestPoints;

internal static class IngestPoints
{
    public const int MaxPoints = 10_000;
    private const int MaxIdempotencyKeyLength = 200;

    public static void MapIngestPoints(this RouteGroupBuilder keyed) =>
        keyed.MapPost("/api/ingest", HandleAsync).WithTags("Metrics")
            .WithSummary("Push points with an API key (Authorization: Bearer, or X-Api-Key); an Idempotency-Key header makes a retry a no-op")
            .Accepts<IngestRequest>("application/json");

    internal static async Task<Results<Accepted<IngestResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        HttpContext http, MetricsDb db, TimeProvider clock, IOptions<MetricsOptions> options, CancellationToken ct)
    {
        var access = http.GetKeyAccess();
        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl))
        {
            return new FieldErrors().Add("Idempotency-Key", $"Use at most {MaxIdempotencyKeyLength} printable characters.").ToResult();
        }
        if (idempotencyKey.Length > 0 && await StoredAnswerAsync(db, access, idempotencyKey, ct) is { } earlier) return TypedResults.Accepted((string?)null, earlier);

        var (text, problem) = await IngestBody.ReadAsync(http.Request, options.Value.MaxIngestBytes, ct);
        if (problem is not null) return problem;
        IngestRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<IngestRequest>(text!, http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest("The body is not valid JSON for a batch of points", e.Message);
        }
        if (request?.Points is not { } items) return new FieldErrors().Add("points", "Send {\"points\": [...]}.").ToResult();
        if (items.Count > MaxPoints) return new FieldErrors().Add("points", $"Send at most {MaxPoints} points per request; this batch has {items.Count}.").ToResult();

        var now = StoredTime.Now(clock);
        var points = new List<Point>(items.Count);
        var errors = new List<IngestErrorResponse>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null) { errors.Add(new IngestErrorResponse(i, "The point is null.")); continue; }
            var message = PointRules.Check(item.Metric, item.Value, item.Tags);
            DateTime time = now;
            if (message is null && item.Timestamp is not null)
            {
                if (Instant.Parse(item.Timestamp) is { } t) time = StoredTime.Round(t);
                else message = $"The timestamp '{item.Timestamp}' is not an ISO 8601 instant with an offset (2026-11-30T10:00:00Z).";
            }
            if (message is not null) { errors.Add(new IngestErrorResponse(i, message)); continue; }
            points.Add(new Point(item.Metric!, time, item.Value!.Value, new SortedDictionary<string, string>(item.Tags ?? [], StringComparer.Ordinal)));
        }

        var answer = new IngestResponse(points.Count, errors);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (idempotencyKey.Length > 0)
        {
            var record = new IngestRecord
            {
                HouseholdId = access.HouseholdId, ProductId = access.ProductId, IdempotencyKey = idempotencyKey,
                Answer = JsonSerializer.Serialize(answer), CreatedAt = now,
            };
            if (await db.InsertIfMissingAsync([record], ct) == 0)
            {
                // A twin of this batch committed first: answer what it stored, write nothing.
                await tx.RollbackAsync(ct);
                return TypedResults.Accepted((string?)null, await StoredAnswerAsync(db, access, idempotencyKey, ct));
            }
        }
        await PointWriter.StoreAsync(db, access.HouseholdId, access.ProductId, points, now, ct);
        await tx.CommitAsync(ct);
        IngestTelemetry.Count("json", points.Count, errors.Count);
        return TypedResults.Accepted((string?)null, answer);
    }

    private static async Task<IngestResponse?> StoredAnswerAsync(MetricsDb db, KeyAccess access, string key, CancellationToken ct) =>
        await db.IngestRecords.AsNoTracking().Where(r => r.ProductId == access.ProductId && r.IdempotencyKey == key).Select(r => r.Answer).FirstOrDefaultAsync(ct) is { } json
            ? JsonSerializer.Deserialize<IngestResponse>(json)
            : null;
}
