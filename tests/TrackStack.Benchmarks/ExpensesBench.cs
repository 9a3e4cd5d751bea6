using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Persistence;
using TrackStack.Expenses;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Benchmarks;

/// <summary>Five years of a busy household (about 20 entries a day), then the month summary latency and the
/// bank import throughput, each next to a baseline measured in the same run.</summary>
internal static class ExpensesBench
{
    private static readonly string[] Parameters = ["@id", "@h", "@d", "@a", "@t"];
    public const int Years = 5;
    public const int EntriesPerDay = 20;
    /// <summary>Yesterday: heating refuses future temperatures, and "this month" is then a real, busy month.</summary>
    public static readonly DateOnly LastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
    private static string Month => LastDay.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static async Task<int> SeedAsync(BenchHost host)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        using var household = scope.ServiceProvider.GetRequiredService<HouseholdScope>().Enter(host.HouseholdId);
        var db = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await scope.ServiceProvider.GetRequiredService<BudgetSetup>().EnsureAsync(CancellationToken.None);
            await tx.CommitAsync();
        }
        var settings = await db.Settings.FirstAsync(s => s.HouseholdId == host.HouseholdId);
        settings.MonthlyIncomeCents = 450000;
        var categories = await db.Categories.Where(c => c.HouseholdId == host.HouseholdId).Select(c => c.Id).ToListAsync();
        var random = new Random(42);
        var first = LastDay.AddYears(-Years).AddDays(1);
        var now = DateTime.UtcNow;
        var count = 0;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var day = first; day <= LastDay; day = day.AddDays(1))
        {
            for (var i = 0; i < EntriesPerDay; i++)
            {
                db.Entries.Add(new Entry
                {
                    Id = Guid.CreateVersion7(),
                    HouseholdId = host.HouseholdId,
                    Date = day,
                    AmountCents = random.Next(100, 20000),
                    Title = $"Payee {random.Next(300)}",
                    CategoryId = random.Next(10) == 0 ? null : categories[random.Next(categories.Count)],
                    Kind = EntryKind.Manual,
                    CreatedAt = now,
                    UpdatedAt = now,
                    CreatedBy = Guid.Empty,
                });
                count++;
            }
            if (day.Day == 1) db.Months.Add(new MonthSheet { HouseholdId = host.HouseholdId, Month = YearMonth.Of(day).Key, Status = MonthStatus.Open, IncomeCents = 450000, OpenedAt = now });
            if (count % 5000 == 0)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
        return count;
    }

    public static async Task<IReadOnlyList<string>> RunAsync(BenchHost host, int samples)
    {
        var lines = new List<string>();
        var baseline = await Measure.LatencyAsync("baseline: GET /api/households/{id} (auth + membership)", 20, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"/api/households/{host.HouseholdId}");
            r.EnsureSuccessStatusCode();
        });
        var summary = await Measure.LatencyAsync($"GET expenses/months/{Month} (month summary)", 20, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"/api/households/{host.HouseholdId}/expenses/months/{Month}");
            r.EnsureSuccessStatusCode();
        });
        var list = await Measure.LatencyAsync($"GET expenses/entries?month={Month} (first page)", 10, samples, async () =>
        {
            using var r = await host.Client.GetAsync($"/api/households/{host.HouseholdId}/expenses/entries?month={Month}");
            r.EnsureSuccessStatusCode();
        });
        lines.Add(baseline.ToString());
        lines.Add(summary.ToString());
        lines.Add(list.ToString());
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"  month summary p99 / baseline p99 = {summary.P99 / baseline.P99:F2}x"));
        return lines;
    }

    public static async Task<IReadOnlyList<string>> ImportAsync(BenchHost host, int rows)
    {
        var csv = new StringBuilder("Date;Payee;Memo;Amount\n");
        var random = new Random(7);
        for (var i = 0; i < rows; i++)
        {
            var day = new DateOnly(2027, 1, 1).AddDays(i % 365);
            csv.Append(CultureInfo.InvariantCulture, $"{day:dd.MM.yyyy};Shop {i};Card payment {i};-{random.Next(1, 500)},{random.Next(0, 99):D2}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());

        // Baseline: the same number of rows through one prepared command in one transaction, no HTTP or parsing.
        var rawRate = await RawInsertRateAsync(host, rows);

        var start = Stopwatch.GetTimestamp();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bench.csv");
        using var response = await host.Client.PostAsync($"/api/households/{host.HouseholdId}/expenses/imports", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var rate = rows / seconds;
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"{"baseline: prepared INSERT, one transaction",-46} {rawRate,10:F0} rows/s"),
            string.Create(CultureInfo.InvariantCulture, $"{$"POST expenses/imports ({rows} CSV rows, commit)",-46} {rate,10:F0} rows/s   ({seconds:F2} s)"),
            string.Create(CultureInfo.InvariantCulture, $"  import rate / raw insert rate = {rate / rawRate:F2}x"),
        ];
    }

    private static async Task<double> RawInsertRateAsync(BenchHost host, int rows)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExpensesDb>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = db.Database.ProviderName!.Contains("Npgsql", StringComparison.Ordinal);
        var table = postgres ? "expenses.bench_baseline" : "bench_baseline";
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id text PRIMARY KEY, household_id text, date text, amount bigint, title text)";
            await create.ExecuteNonQueryAsync();
        }
        var start = Stopwatch.GetTimestamp();
        await using (var tx = await connection.BeginTransactionAsync())
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO {table} (id, household_id, date, amount, title) VALUES (@id, @h, @d, @a, @t)";
            var p = Parameters.Select(n => { var x = insert.CreateParameter(); x.ParameterName = n; x.DbType = n == "@a" ? System.Data.DbType.Int64 : System.Data.DbType.String; insert.Parameters.Add(x); return x; }).ToArray();
            await insert.PrepareAsync();
            for (var i = 0; i < rows; i++)
            {
                p[0].Value = Guid.NewGuid().ToString();
                p[1].Value = host.HouseholdId.ToString();
                p[2].Value = "2027-01-01";
                p[3].Value = (long)i;
                p[4].Value = $"Shop {i}";
                await insert.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        var rate = rows / Stopwatch.GetElapsedTime(start).TotalSeconds;
        await using (var drop = connection.CreateCommand())
        {
            drop.CommandText = $"DROP TABLE {table}";
            await drop.ExecuteNonQueryAsync();
        }
        return rate;
    }
}
