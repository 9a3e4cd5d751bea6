using System.Diagnostics;
using TrackStack.Benchmarks;

// ./trackstack bench [--postgres "connection string"] [--samples 200] [--import-rows 20000]
//                   [--load-only | --skip-load] [--connections 64] [--duration 10]
// Prints latency percentiles and throughput next to baselines measured in the same run; asserts nothing.
var samples = 200;
var importRows = 20000;
var load = true;
var onlyLoad = false;
var connections = 64;
var duration = 10;
string? postgres = Environment.GetEnvironmentVariable("TRACKSTACK_TEST_POSTGRES");
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
        case "--connections": connections = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--duration": duration = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}

Console.WriteLine($"TrackStack benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (load)
{
    Console.WriteLine();
    Console.WriteLine("== request pipeline under load (SQLite, the host as its own process) ==");
    foreach (var line in await LoadBench.RunAsync(connections, TimeSpan.FromSeconds(duration))) Console.WriteLine(line);
}
if (onlyLoad) return 0;

var providers = new List<(string Name, string? ConnectionString)> { ("sqlite", null) };
if (!string.IsNullOrWhiteSpace(postgres)) providers.Add(("postgres", postgres));
else Console.WriteLine("(PostgreSQL skipped: set TRACKSTACK_TEST_POSTGRES or pass --postgres to include it)");

Console.WriteLine($"{samples} samples per latency");
foreach (var (name, cs) in providers)
{
    var database = cs;
    if (name == "postgres") database = await PostgresScratch.CreateAsync(cs!);
    try
    {
        await using var host = await BenchHost.StartAsync(name, database);
        Console.WriteLine();
        Console.WriteLine($"== {name} ==");
        var seed = Stopwatch.StartNew();
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
    }
    finally
    {
        if (name == "postgres") await PostgresScratch.DropAsync(cs!, database!);
    }
}
return 0;
