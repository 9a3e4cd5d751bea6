using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrackStack.Benchmarks;

/// <summary>The fault drill of the distributed topology (issue 14), against a running `./trackstack cluster`: a write
/// load through the gateway (expense entries and sign-ups) while RabbitMQ restarts, the Expenses service is killed
/// with SIGKILL and started again, and PostgreSQL stops for 10 s. Afterwards it counts: every acknowledged write must
/// be stored, every event's effect must have happened exactly once (the Metrics series of the entries adds up to the
/// entries, each new account has exactly one personal household), and a removed member must lose access in every
/// service within 5 s. Prints the counts and writes them as checks to a result file ./trackstack test adds up.</summary>
internal static class FaultDrill
{
    private const string Month = "2025-01";
    private static readonly TimeSpan RemovalLimit = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(Uri gateway, string control, string? resultFile, int writers)
    {
        var checks = new List<(string Name, bool Ok, string Detail)>();
        var run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(15) };
        var api = new DrillApi(http);
        Console.WriteLine($"fault drill against {gateway} ({writers} writers)");

        var ada = await api.SignUpAsync($"drill-ada-{run}@example.org", "Ada");
        var home = await api.PersonalHouseholdAsync(ada, TimeSpan.FromSeconds(30));
        var category = await api.CategoryAsync(ada, home, TimeSpan.FromSeconds(30));

        var acknowledged = new ConcurrentBag<Guid>();
        var attempted = 0;
        var refused = new ConcurrentDictionary<string, int>();
        var signUps = new ConcurrentBag<string>();
        var signUpsRefused = 0;
        using var stop = new CancellationTokenSource();

        async Task WriteEntries(int writer)
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = Guid.NewGuid();
                var day = 1 + (writer * 7 + n++) % 28;
                Interlocked.Increment(ref attempted);
                var outcome = await api.TryPostAsync(ada, $"api/households/{home}/expenses/entries", new
                {
                    // Amounts differ (1.00 to 1.96), so a lost event and a doubled one cannot cancel out in the total.
                    id, date = $"{Month}-{day:00}", amountCents = 100 + n % 97, title = $"drill {writer}.{n}", categoryId = category,
                });
                if (outcome == "201") acknowledged.Add(id);
                else { refused.AddOrUpdate(outcome, 1, (_, c) => c + 1); await Task.Delay(200); }
            }
        }

        async Task SignUps()
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var email = $"drill-{run}-{n++}@example.org";
                var outcome = await api.TryPostAsync(null, "api/auth/register", new { email, password = DrillApi.Password, displayName = $"Drill {n}" });
                if (outcome == "201") signUps.Add(email);
                else Interlocked.Increment(ref signUpsRefused);
                await Task.Delay(700);
            }
        }

        var load = Enumerable.Range(0, writers).Select(WriteEntries).Append(SignUps()).ToList();
        var clock = Stopwatch.StartNew();
        var faults = new List<string>();
        async Task Fault(string what, params string[] steps)
        {
            var started = clock.Elapsed;
            foreach (var step in steps)
            {
                if (step.StartsWith("sleep ", StringComparison.Ordinal)) await Task.Delay(TimeSpan.FromSeconds(int.Parse(step[6..], CultureInfo.InvariantCulture)));
                else await ControlAsync(control, step);
            }
            var line = string.Create(CultureInfo.InvariantCulture, $"{what}: at {started.TotalSeconds:F0} s, {(clock.Elapsed - started).TotalSeconds:F1} s");
            faults.Add(line);
            Console.WriteLine($"  {line}");
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        await Fault("RabbitMQ restarted", "restart rabbitmq");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Fault("Expenses killed (SIGKILL) and started again", "kill expenses", "sleep 2", "start expenses");
        await Task.Delay(TimeSpan.FromSeconds(5));
        await Fault("PostgreSQL stopped for 10 s", "stop postgres", "sleep 10", "start postgres");
        await Task.Delay(TimeSpan.FromSeconds(8));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var loadSeconds = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load: {loadSeconds:F0} s, {attempted} entry writes attempted, {acknowledged.Count} acknowledged, not acknowledged: {(refused.IsEmpty ? "none" : string.Join(", ", refused.Select(r => $"{r.Value} × {r.Key}")))}; {signUps.Count} sign-ups acknowledged, {signUpsRefused} refused"));

        // Settling: the outboxes drain once every part is back. Wait for the figures to agree (or time out and report).
        var settle = Stopwatch.StartNew();
        var stored = new Dictionary<Guid, long>();
        double seriesTotal = 0;
        while (settle.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                stored = await api.EntriesAsync(ada, home, Month);
                seriesTotal = await api.SpentAsync(ada, home, Month);
                if (stored.Count > 0 && Math.Abs(seriesTotal - stored.Values.Sum() / 100.0) < 0.001) break;
            }
            catch (HttpRequestException) { } // a service still coming back: ask again
            await Task.Delay(1000);
        }
        var missing = acknowledged.Count(id => !stored.ContainsKey(id));
        var storedUnacknowledged = stored.Count - acknowledged.Count(stored.ContainsKey);
        checks.Add(("every acknowledged entry is stored", missing == 0 && !acknowledged.IsEmpty,
            $"{acknowledged.Count} acknowledged, {missing} missing, {stored.Count} stored ({storedUnacknowledged} stored although the answer was lost)"));
        var expected = stored.Values.Sum() / 100.0;
        checks.Add(("the Metrics series counts every stored entry exactly once", stored.Count > 0 && Math.Abs(seriesTotal - expected) < 0.001,
            string.Create(CultureInfo.InvariantCulture, $"expenses.spent for {Month} = {seriesTotal:F2}, the {stored.Count} stored entries add up to {expected:F2} (settled after {settle.Elapsed.TotalSeconds:F1} s)")));

        var households = new Dictionary<int, int>();
        var unreadable = 0;
        foreach (var email in signUps)
        {
            var token = await api.TokenAsync(email);
            var count = token is null ? -1 : await api.HouseholdCountAsync(token, TimeSpan.FromSeconds(20));
            if (count < 0) unreadable++;
            else households[count] = households.GetValueOrDefault(count) + 1;
        }
        checks.Add(("every new account has exactly one personal household", unreadable == 0 && !signUps.IsEmpty && households.Keys.All(k => k == 1),
            $"{signUps.Count} accounts: {string.Join(", ", households.OrderBy(h => h.Key).Select(h => $"{h.Value} with {h.Key}"))}{(unreadable > 0 ? $", {unreadable} could not sign in" : "")}"));

        var (removalOk, removalDetail) = await MemberRemovalAsync(api, ada, home, run);
        checks.Add(("a removed member loses access to every service within 5 s", removalOk, removalDetail));

        Console.WriteLine();
        foreach (var (name, ok, detail) in checks) Console.WriteLine($"  {(ok ? "ok  " : "FAIL")} {name}: {detail}");
        if (resultFile is not null) WriteResult(resultFile, checks, faults);
        return checks.All(c => c.Ok) ? 0 : 1;
    }

    /// <summary>Bob joins, reads something from every service, is removed, and each service is asked until it refuses.</summary>
    private static async Task<(bool, string)> MemberRemovalAsync(DrillApi api, string ada, Guid home, string run)
    {
        var bobEmail = $"drill-bob-{run}@example.org";
        var bob = await api.SignUpAsync(bobEmail, "Bob");
        var invite = await api.PostJsonAsync(ada, $"api/households/{home}/invites", new { email = bobEmail, role = "member" });
        await api.PostJsonAsync(bob, $"api/invites/{invite["token"]!.GetValue<string>()}/accept", new { });
        var reads = new Dictionary<string, string>
        {
            ["households"] = $"api/households/{home}",
            ["expenses"] = $"api/households/{home}/expenses/categories",
            ["heating"] = $"api/households/{home}/heating/summary",
            ["nutrition"] = $"api/households/{home}/nutrition/recipes",
            ["training"] = $"api/households/{home}/training/workouts",
            ["insights (metrics)"] = $"api/households/{home}/metrics/products",
            ["insights (dashboards)"] = $"api/households/{home}/dashboards",
            ["insights (reports)"] = $"api/households/{home}/reports/schedules",
        };
        // A member's reads work everywhere first (membership reached every service).
        foreach (var (service, path) in reads)
        {
            var deadline = Stopwatch.StartNew();
            while (await api.StatusAsync(bob, path) != HttpStatusCode.OK)
            {
                if (deadline.Elapsed > TimeSpan.FromSeconds(20)) return (false, $"Bob, a member, could not read {service} ({path})");
                await Task.Delay(200);
            }
        }
        var me = await api.GetJsonAsync(bob, "api/me");
        var removed = Stopwatch.StartNew();
        using (var r = await api.SendAsync(ada, HttpMethod.Delete, $"api/households/{home}/members/{me["id"]!.GetValue<string>()}"))
        {
            if (!r.IsSuccessStatusCode) return (false, $"removing Bob answered {(int)r.StatusCode}");
        }
        var lost = await Task.WhenAll(reads.Select(async read =>
        {
            while (removed.Elapsed < TimeSpan.FromSeconds(30))
            {
                var status = await api.StatusAsync(bob, read.Value);
                if (status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return (read.Key, removed.Elapsed);
                await Task.Delay(100);
            }
            return (read.Key, TimeSpan.MaxValue);
        }));
        var slowest = lost.MaxBy(l => l.Item2);
        var detail = string.Join(", ", lost.Select(l => l.Item2 == TimeSpan.MaxValue ? $"{l.Key} never" : string.Create(CultureInfo.InvariantCulture, $"{l.Key} {l.Item2.TotalSeconds:F1} s")));
        return (slowest.Item2 <= RemovalLimit, detail);
    }

    private static async Task ControlAsync(string control, string step)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(control);
        info.ArgumentList.Add("cluster");
        foreach (var part in step.Split(' ')) info.ArgumentList.Add(part);
        using var process = Process.Start(info)!;
        var output = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"'{control} cluster {step}' failed: {await output}");
    }

    private static void WriteResult(string file, List<(string Name, bool Ok, string Detail)> checks, List<string> faults)
    {
        var result = new JsonObject
        {
            ["passed"] = checks.Count(c => c.Ok),
            ["failed"] = checks.Count(c => !c.Ok),
            ["skipped"] = 0,
            ["faults"] = new JsonArray(faults.Select(f => (JsonNode)f).ToArray()),
            ["tests"] = new JsonArray(checks.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = $"fault drill: {c.Name}", ["status"] = c.Ok ? "passed" : "failed", ["message"] = c.Detail,
            }).ToArray()),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        File.WriteAllText(file, result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
