using System.Diagnostics;
using TrackStack.Benchmarks;

// ./trackstack bench [--postgres "connection string"] [--samples 200] [--import-rows 20000]
//                   [--load-only | --skip-load | --metrics | --nutrition | --reports | --gateway] [--connections 64] [--duration 10]
//                   [--ingest-batches 50] [--influxd PATH] [--peer-seconds 5]
//                   [--faults GATEWAY_URL --control ./trackstack [--result FILE] [--writers 4]]
//                   [--footprint [--starts 5] [--idle 60] [--gc-configs default,server,...]]  (--duration 300 --connections 16 for the figures)
// Prints latency percentiles and throughput next to baselines measured in the same run; asserts nothing.
if (args is ["--bare-api", ..]) return await FootprintBench.ServeBareAsync(args[1..]);
var samples = 200;
var importRows = 20000;
var load = true;
var onlyLoad = false;
var connections = 64;
var duration = 10;
var onlyMetrics = false;
var onlyNutrition = false;
var onlyReports = false;
var onlyGateway = false;
var ingestBatches = 50;
string? influxd = null;
var peerSeconds = 5;
string? postgres = Environment.GetEnvironmentVariable("TRACKSTACK_TEST_POSTGRES");
Uri? drillGateway = null;
string? drillControl = null, drillResult = null;
var drillWriters = 4;
var footprint = false;
var starts = 5;
var idle = 60;
var connectionsSet = false;
var durationSet = false;
List<string>? gcConfigs = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--samples": samples = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--import-rows": importRows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--postgres": postgres = args[++i]; break;
        case "--sqlite-only": postgres = null; break;
        case "--load-only": onlyLoad = true; break;
        case "--skip-load": load = false; break;
        case "--connections": connections = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); connectionsSet = true; break;
        case "--duration": duration = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); durationSet = true; break;
        case "--footprint": footprint = true; break;
        case "--starts": starts = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--idle": idle = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--gc-configs": gcConfigs = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries)]; break;
        case "--metrics": onlyMetrics = true; load = false; break;
        case "--nutrition": onlyNutrition = true; load = false; break;
        case "--reports": onlyReports = true; load = false; break;
        case "--gateway": onlyGateway = true; load = false; break;
        case "--ingest-batches": ingestBatches = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--influxd": influxd = args[++i]; break;
        case "--peer-seconds": peerSeconds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--faults": drillGateway = new Uri(args[++i].TrimEnd('/') + "/"); break;
        case "--control": drillControl = args[++i]; break;
        case "--result": drillResult = args[++i]; break;
        case "--writers": drillWriters = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}

if (drillGateway is not null)
{
    // The fault drill of the distributed topology, against a running cluster (./trackstack cluster drill).
    return await FaultDrill.RunAsync(drillGateway, drillControl ?? "./trackstack", drillResult, drillWriters);
}

Console.WriteLine($"TrackStack benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (footprint)
{
    // Memory and start-up (ADR 0037): 16 connections and 5 minutes unless told otherwise.
    return await FootprintBench.RunAsync(starts, connectionsSet ? connections : 16, TimeSpan.FromSeconds(durationSet ? duration : 300), TimeSpan.FromSeconds(idle), gcConfigs);
}
if (load)
{
    Console.WriteLine();
    Console.WriteLine("== request pipeline under load (SQLite, the host as its own process) ==");
    foreach (var line in await LoadBench.RunAsync(connections, TimeSpan.FromSeconds(duration))) Console.WriteLine(line);
}
if (onlyLoad) return 0;
if (onlyGateway)
{
    Console.WriteLine();
    Console.WriteLine("== the gateway in front of two services (SQLite, each its own process) ==");
    foreach (var line in await GatewayBench.RunAsync(connections, TimeSpan.FromSeconds(duration))) Console.WriteLine(line);
    return 0;
}

var providers = new List<(string Name, string? ConnectionString)> { ("sqlite", null) };
if (!string.IsNullOrWhiteSpace(postgres)) providers.Add(("postgres", postgres));
else Console.WriteLine("(PostgreSQL skipped: set TRACKSTACK_TEST_POSTGRES or pass --postgres to include it)");

Console.WriteLine($"{samples} samples per latency");
// The InfluxDB peer, started once for the run (by its process id, stopped at the end).
var (influxdPath, peerSkipped) = InfluxPeer.Find(influxd);
InfluxPeer? peer = null;
if (influxdPath is not null)
{
    try { peer = await InfluxPeer.StartAsync(influxdPath); }
    catch (InvalidOperationException e) { peerSkipped = $"{influxdPath} did not start: {e.Message}"; }
}
try
{
foreach (var (name, cs) in providers)
{
    var database = cs;
    if (name == "postgres") database = await PostgresScratch.CreateAsync(cs!);
    try
    {
        Console.WriteLine();
        Console.WriteLine($"== {name} ==");
        if (onlyReports || !onlyMetrics && !onlyNutrition)
        {
            Console.WriteLine("-- a six-widget report e-mail --");
            foreach (var line in await ReportsBench.RunAsync(name, cs, samples)) Console.WriteLine(line);
            if (onlyReports) continue;
        }
        await using var host = await BenchHost.StartAsync(name, database);
        var seed = Stopwatch.StartNew();
        if (onlyMetrics)
        {
            await RunMetricsAsync(host);
            continue;
        }
        if (onlyNutrition)
        {
            foreach (var line in await NutritionBench.RunAsync(host, samples)) Console.WriteLine(line);
            continue;
        }
        var entries = await ExpensesBench.SeedAsync(host);
        Console.WriteLine($"seeded {entries:N0} expense entries ({ExpensesBench.Years} years × {ExpensesBench.EntriesPerDay}/day) in {seed.Elapsed.TotalSeconds:F1} s");
        foreach (var line in await ExpensesBench.RunAsync(host, samples)) Console.WriteLine(line);
        foreach (var line in await ExpensesBench.ImportAsync(host, importRows)) Console.WriteLine(line);
        foreach (var line in await ImportMemoryBench.RunAsync(host)) Console.WriteLine(line);
        seed.Restart();
        var (days, refills) = await HeatingBench.SeedAsync(host);
        Console.WriteLine($"seeded {days:N0} daily temperatures and {refills} weekly refills in {seed.Elapsed.TotalSeconds:F1} s");
        foreach (var line in await HeatingBench.RunAsync(host, samples)) Console.WriteLine(line);
        seed.Restart();
        var (workouts, sets) = await TrainingBench.SeedAsync(host);
        Console.WriteLine($"imported {workouts:N0} workouts with {sets:N0} sets (5 years × 4 a week) in {seed.Elapsed.TotalSeconds:F1} s");
        foreach (var line in await TrainingBench.RunAsync(host, samples)) Console.WriteLine(line);
        foreach (var line in await NutritionBench.RunAsync(host, samples)) Console.WriteLine(line);
        await RunMetricsAsync(host);
    }
    finally
    {
        if (name == "postgres") await PostgresScratch.DropAsync(cs!, database!);
    }
}
}
finally
{
    if (peer is not null) await peer.DisposeAsync();
}
return 0;

async Task RunMetricsAsync(BenchHost host)
{
    var keyed = await MetricsBench.ProductAsync(host);
    foreach (var line in await MetricsBench.IngestAsync(host, keyed, ingestBatches)) Console.WriteLine(line);
    var seconds = await MetricsBench.SeedYearAsync(host, keyed);
    Console.WriteLine($"ingested 525,600 one-minute points (a year, 10,000-point JSON batches) in {seconds:F1} s");
    foreach (var line in await MetricsBench.QueryAsync(host, samples)) Console.WriteLine(line);
    const int connections = 8;
    var body = MetricsBench.PeerBody();
    var ours = await InfluxPeer.LinesPerSecondAsync(host.Client.BaseAddress!, "/api/v2/write?bucket=bench&precision=s", keyed.Key, body, 1000, connections, TimeSpan.FromSeconds(peerSeconds));
    Console.WriteLine(InfluxPeer.Line($"POST /api/v2/write, 1,000 lines × 2 fields, {connections} conn.", ours));
    if (peer is null)
    {
        Console.WriteLine($"  InfluxDB peer skipped: {peerSkipped}");
        return;
    }
    var theirs = await InfluxPeer.LinesPerSecondAsync(peer.Address, "/write?db=bench&precision=s", null, body, 1000, connections, TimeSpan.FromSeconds(peerSeconds));
    Console.WriteLine(InfluxPeer.Line($"peer: InfluxDB {InfluxVersion(influxdPath!)} /write, the same body", theirs));
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  TrackStack / InfluxDB = {ours / theirs:F2}x (aim ≥ 0.50)"));
}

static string InfluxVersion(string binary)
{
    try
    {
        using var p = Process.Start(new ProcessStartInfo(binary, "version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) ?? "?";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "?";
    }
}
