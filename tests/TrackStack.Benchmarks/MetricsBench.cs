using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrackStack.Metrics;
using TrackStack.Metrics.Infrastructure;

namespace TrackStack.Benchmarks;

/// <summary>Metrics ingest and widget queries, each next to a baseline of the same run: JSON ingest of 1,000-point
/// batches over HTTP against a prepared INSERT of the same rows; line protocol against JSON; a year of one-minute
/// data read back per day from the rollups; and the InfluxDB peer (when an influxd binary is given or on PATH)
/// taking the same 1,000-line body as /api/v2/write.</summary>
internal static class MetricsBench
{
    private const int BatchSize = 1_000;
    private const int Series = 10;
    private static readonly DateTime IngestStart = new(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Scopes = ["ingest", "read"];
    private static readonly DateTime YearStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public sealed record Keyed(string Key, Guid Product);

    public static async Task<Keyed> ProductAsync(BenchHost host)
    {
        var api = $"/api/households/{host.HouseholdId}/metrics";
        using var product = await host.Client.PostAsJsonAsync($"{api}/products", new { name = "Bench" });
        await Measure.EnsureOkAsync(product);
        var id = Guid.Parse((await product.Content.ReadFromJsonAsync<JsonNode>())!["id"]!.GetValue<string>());
        using var key = await host.Client.PostAsJsonAsync($"{api}/products/{id}/keys", new { name = "bench", scopes = Scopes });
        await Measure.EnsureOkAsync(key);
        return new Keyed((await key.Content.ReadFromJsonAsync<JsonNode>())!["secret"]!.GetValue<string>(), id);
    }

    /// <summary>Batch b holds 1,000 points of 10 series (tag host), 100 seconds apart per series, after batch b − 1.</summary>
    private static (string Metric, DateTime Time, double Value, string Host)[] Points(int batch, string metric)
    {
        var points = new (string, DateTime, double, string)[BatchSize];
        for (var i = 0; i < BatchSize; i++)
        {
            var time = IngestStart.AddSeconds((batch * (BatchSize / Series) + i / Series) * 10.0);
            points[i] = (metric, time, (i * 7 % 1000) / 10.0, $"h{i % Series}");
        }
        return points;
    }

    private static string Json((string Metric, DateTime Time, double Value, string Host)[] points)
    {
        var sb = new StringBuilder("{\"points\":[");
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            if (i > 0) sb.Append(',');
            sb.Append(CultureInfo.InvariantCulture, $"{{\"metric\":\"{p.Metric}\",\"value\":{p.Value},\"timestamp\":\"{p.Time:yyyy-MM-ddTHH:mm:ssZ}\",\"tags\":{{\"host\":\"{p.Host}\"}}}}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary>The same points as lines; a field named "value" makes the measurement the metric.</summary>
    private static string Lines((string Metric, DateTime Time, double Value, string Host)[] points)
    {
        var sb = new StringBuilder();
        foreach (var p in points)
            sb.Append(CultureInfo.InvariantCulture, $"{p.Metric},host={p.Host} value={p.Value} {new DateTimeOffset(p.Time).ToUnixTimeSeconds()}\n");
        return sb.ToString();
    }

    /// <summary>The peer's body: 1,000 lines of two fields each (2,000 points here).</summary>
    public static string PeerBody()
    {
        var sb = new StringBuilder();
        var start = new DateTimeOffset(IngestStart.AddYears(1)).ToUnixTimeSeconds();
        for (var i = 0; i < BatchSize; i++)
            sb.Append(CultureInfo.InvariantCulture, $"cpu,host=h{i % Series},region=eu usage_user={i % 97 + 0.5},usage_system={i % 13 + 0.25} {start + i / Series * 10}\n");
        return sb.ToString();
    }

    public static async Task<IReadOnlyList<string>> IngestAsync(BenchHost host, Keyed keyed, int batches)
    {
        using var http = new HttpClient { BaseAddress = host.Client.BaseAddress };
        var warmup = 5;
        var json = Enumerable.Range(0, warmup + batches).Select(b => Json(Points(b, "bench.json"))).ToArray();
        var lines = Enumerable.Range(0, warmup + batches).Select(b => Lines(Points(b, "bench.lines"))).ToArray();

        // Warm-up (JIT, connection, the series rows), then the measured batches, one after another.
        for (var b = 0; b < warmup; b++) await PostJsonAsync(http, keyed.Key, json[b]);
        var start = Stopwatch.GetTimestamp();
        for (var b = warmup; b < json.Length; b++) await PostJsonAsync(http, keyed.Key, json[b]);
        var jsonRate = batches * BatchSize / Stopwatch.GetElapsedTime(start).TotalSeconds;

        for (var b = 0; b < warmup; b++) await PostLinesAsync(http, keyed.Key, lines[b]);
        start = Stopwatch.GetTimestamp();
        for (var b = warmup; b < lines.Length; b++) await PostLinesAsync(http, keyed.Key, lines[b]);
        var lineRate = batches * BatchSize / Stopwatch.GetElapsedTime(start).TotalSeconds;

        var rawRate = await RawInsertRateAsync(host, keyed.Product, batches);
        var (writerRate, pointsOnlyRate) = await StorageRatesAsync(host, keyed.Product, batches);
        return
        [
            Rate("  where it goes: PointWriter alone (no HTTP/JSON)", writerRate, "points/s", "(series + points + 3 rollup levels, in-process)"),
            Rate("  where it goes: points table alone (BulkInsert)", pointsOnlyRate, "points/s", "(the real table and its two indexes)"),
            Rate("baseline: prepared INSERT of the rows", rawRate, "points/s", $"({batches} transactions of {BatchSize})"),
            Rate($"POST /api/ingest JSON, {BatchSize}-point batches", jsonRate, "points/s", $"({batches} batches, one at a time)"),
            Rate($"POST /api/v2/write, the same {BatchSize} points", lineRate, "points/s"),
            string.Create(CultureInfo.InvariantCulture, $"  JSON ingest / raw insert = {jsonRate / rawRate:F2}x (target ≥ 0.50)"),
            string.Create(CultureInfo.InvariantCulture, $"  line protocol / JSON     = {lineRate / jsonRate:F2}x (target 0.80–1.20)"),
        ];
    }

    private static string Rate(string name, double rate, string unit, string note = "") =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-46} {rate,10:F0} {unit}   {note}");

    private static async Task PostJsonAsync(HttpClient http, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/ingest") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        await Measure.EnsureOkAsync(response);
    }

    private static async Task PostLinesAsync(HttpClient http, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v2/write?bucket=bench&precision=s") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", key);
        using var response = await http.SendAsync(request);
        await Measure.EnsureOkAsync(response);
    }

    /// <summary>The rows ingest writes to the points table (id, household, product, series, metric, time, value),
    /// through one prepared INSERT into a scratch table of the same columns and primary key, one transaction per
    /// 1,000 rows as ingest commits per batch: what storing the points costs with nothing else around it.</summary>
    private static async Task<double> RawInsertRateAsync(BenchHost host, Guid product, int batches)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
        var table = postgres ? "metrics.bench_points" : "bench_points";
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = postgres
                ? $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id uuid PRIMARY KEY, household_id uuid NOT NULL, product_id uuid NOT NULL, series_id uuid NOT NULL, metric varchar(100) NOT NULL, time timestamptz NOT NULL, value double precision NOT NULL)"
                : $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id TEXT NOT NULL PRIMARY KEY, household_id TEXT NOT NULL, product_id TEXT NOT NULL, series_id TEXT NOT NULL, metric TEXT NOT NULL, time TEXT NOT NULL, value REAL NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }
        var series = Enumerable.Range(0, Series).Select(_ => Guid.NewGuid()).ToArray();
        var rows = Enumerable.Range(5, batches).Select(b => Points(b, "bench.raw")).ToArray();
        var start = Stopwatch.GetTimestamp();
        foreach (var batch in rows)
        {
            await using var tx = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table} (id, household_id, product_id, series_id, metric, time, value) VALUES (@id, @h, @p, @s, @m, @t, @v)";
            DbParameter Add(string name, System.Data.DbType type)
            {
                var p = insert.CreateParameter();
                p.ParameterName = name;
                p.DbType = type;
                insert.Parameters.Add(p);
                return p;
            }
            var (idType, timeType) = postgres ? (System.Data.DbType.Guid, System.Data.DbType.DateTime) : (System.Data.DbType.String, System.Data.DbType.String);
            var id = Add("@id", idType);
            var h = Add("@h", idType);
            var p = Add("@p", idType);
            var s = Add("@s", idType);
            var m = Add("@m", System.Data.DbType.String);
            var t = Add("@t", timeType);
            var v = Add("@v", System.Data.DbType.Double);
            await insert.PrepareAsync();
            for (var i = 0; i < batch.Length; i++)
            {
                var point = batch[i];
                id.Value = postgres ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString();
                h.Value = postgres ? host.HouseholdId : host.HouseholdId.ToString();
                p.Value = postgres ? product : product.ToString();
                s.Value = postgres ? series[i % Series] : series[i % Series].ToString();
                m.Value = point.Metric;
                t.Value = postgres ? point.Time : point.Time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                v.Value = point.Value;
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        var rate = batches * BatchSize / Stopwatch.GetElapsedTime(start).TotalSeconds;
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = $"DROP TABLE {table}";
            await drop.ExecuteNonQueryAsync();
        }
        return rate;
    }

    /// <summary>The storage part of ingest without HTTP, JSON or checks: the whole PointWriter, then only the
    /// points table through BulkInsert, on the same batches, one transaction each.</summary>
    private static async Task<(double Writer, double PointsOnly)> StorageRatesAsync(BenchHost host, Guid product, int batches)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        using var household = scope.ServiceProvider.GetRequiredService<TrackStack.BuildingBlocks.Persistence.HouseholdScope>().Enter(host.HouseholdId);
        var db = scope.ServiceProvider.GetRequiredService<MetricsDb>();
        var now = DateTime.UtcNow;
        List<TrackStack.Metrics.Domain.Point> Batch(int b, string metric) => Points(b, metric)
            .Select(p => new TrackStack.Metrics.Domain.Point(p.Metric, p.Time, p.Value, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["host"] = p.Host }))
            .ToList();
        var start = Stopwatch.GetTimestamp();
        for (var b = 5; b < 5 + batches; b++)
        {
            var points = Batch(b, "bench.writer");
            await using var tx = await db.Database.BeginTransactionAsync();
            await PointWriter.StoreAsync(db, host.HouseholdId, product, points, now, CancellationToken.None);
            await tx.CommitAsync();
        }
        var writer = batches * BatchSize / Stopwatch.GetElapsedTime(start).TotalSeconds;
        var series = Guid.NewGuid();
        start = Stopwatch.GetTimestamp();
        for (var b = 5; b < 5 + batches; b++)
        {
            var rows = Points(b, "bench.bulk").Select(p => new TrackStack.Metrics.Domain.RawPoint
            {
                Id = Guid.CreateVersion7(), HouseholdId = host.HouseholdId, ProductId = product, SeriesId = series, Metric = p.Metric, Time = p.Time, Value = p.Value,
            }).ToList();
            await using var tx = await db.Database.BeginTransactionAsync();
            await TrackStack.BuildingBlocks.Persistence.BulkInsert.BulkInsertAsync(db, rows, CancellationToken.None);
            await tx.CommitAsync();
        }
        return (writer, batches * BatchSize / Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>525,600 points, one a minute for 2025, through the JSON ingest in 10,000-point batches.</summary>
    public static async Task<double> SeedYearAsync(BenchHost host, Keyed keyed)
    {
        using var http = new HttpClient { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        const int perBatch = 10_000;
        var minutes = (int)(YearStart.AddYears(1) - YearStart).TotalMinutes;
        var start = Stopwatch.GetTimestamp();
        for (var first = 0; first < minutes; first += perBatch)
        {
            var sb = new StringBuilder("{\"points\":[");
            for (var i = first; i < Math.Min(minutes, first + perBatch); i++)
            {
                if (i > first) sb.Append(',');
                sb.Append(CultureInfo.InvariantCulture, $"{{\"metric\":\"bench.power\",\"value\":{i % 1440 / 10.0},\"timestamp\":\"{YearStart.AddMinutes(i):yyyy-MM-ddTHH:mm:ssZ}\",\"tags\":{{\"meter\":\"main\"}}}}");
            }
            await PostJsonAsync(http, keyed.Key, sb.Append("]}").ToString());
        }
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    public static async Task<IReadOnlyList<string>> QueryAsync(BenchHost host, int samples)
    {
        var api = $"/api/households/{host.HouseholdId}/metrics/query?metric=bench.power&from=2025-01-01&to=2026-01-01&agg=";
        var lines = new List<string>();
        var baseline = await Measure.LatencyAsync("baseline: GET /api/households/{id} (auth + membership)", 20, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"/api/households/{host.HouseholdId}");
            r.EnsureSuccessStatusCode();
        });
        lines.Add(baseline.ToString());
        foreach (var (bucket, agg) in new[] { ("day", "sum"), ("week", "avg"), ("month", "max"), ("hour", "sum") })
        {
            // Check the answer once: a year of days must come back with every bucket filled.
            var answer = (await host.Client.GetFromJsonAsync<JsonNode>($"{api}{agg}&bucket={bucket}"))!;
            var latency = await Measure.LatencyAsync($"widget query, a year by {bucket} ({agg})", 10, samples, async () =>
            {
                using var r = await host.Client.GetAsync($"{api}{agg}&bucket={bucket}");
                await Measure.EnsureOkAsync(r);
                await r.Content.ReadAsByteArrayAsync();
            });
            lines.Add(latency + "   " + Shape(answer));
        }
        return lines;
    }

    /// <summary>"365 buckets, 525600 points" from the answer, so a figure that read nothing shows it.</summary>
    private static string Shape(JsonNode answer)
    {
        var series = answer["series"]?.AsArray();
        var buckets = series?.FirstOrDefault()?["points"]?.AsArray();
        return buckets is null ? "(no series)" : $"({buckets.Count} buckets)";
    }
}
