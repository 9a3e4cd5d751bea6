using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>The backup and restore commands as an operator runs them: a backup of a running server, a change made
/// after it, then the restore with the server stopped brings back exactly the backed-up state (accounts, households,
/// the data dir's files and keys).</summary>
public sealed class BackupTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_backup_of_a_running_server_restores_exactly_what_it_held(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        var photo = Path.Combine(db.DataDir, "nutrition", "photos", "kept.jpg");
        ApiClient ada;
        await using (var host = await TestHost.StartAsync(db))
        {
            (ada, _) = await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
            await Accounts.CreateHouseholdAsync(ada, "Before the backup");
            Directory.CreateDirectory(Path.GetDirectoryName(photo)!);
            await File.WriteAllBytesAsync(photo, [0xFF, 0xD8, 0xFF, 1, 2, 3]);

            var backup = await HostCli.RunAsync(db.DataDir, ["backup", "--to", backups, "--prune"], env: Env(db));
            Assert.True(backup.Code == 0, backup.Error);
            Assert.Contains("Backup written to", backup.Output);

            await Accounts.CreateHouseholdAsync(ada, "After the backup");
            File.Delete(photo);
        }

        var folder = Assert.Single(Directory.GetFiles(backups));
        Assert.EndsWith(".tar.gz", folder);
        Assert.Empty(Directory.GetDirectories(backups));
        Assert.True(File.Exists(Path.Combine(db.DataDir, "last-backup.json")));

        // An installation with data is replaced only on purpose.
        var refused = await HostCli.RunAsync(db.DataDir, ["restore", folder], env: Env(db));
        Assert.Equal(2, refused.Code);
        Assert.Contains("--force", refused.Error);

        var restored = await HostCli.RunAsync(db.DataDir, ["restore", folder, "--force"], env: Env(db));
        Assert.True(restored.Code == 0, restored.Error);
        Assert.Contains("kept", restored.Output);

        await using (var host = await TestHost.StartAsync(db))
        {
            var again = await Accounts.LoginAsync(host, "ada@example.org");
            var names = (await again.GetJsonAsync("/api/households")).AsArray().Select(h => h.Str("name")).ToList();
            Assert.Contains("Before the backup", names);
            Assert.DoesNotContain("After the backup", names);
            Assert.Equal([0xFF, 0xD8, 0xFF, 1, 2, 3], await File.ReadAllBytesAsync(photo));
        }
    }

    [Fact]
    public async Task A_damaged_cut_short_or_foreign_archive_is_refused_and_nothing_is_touched()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        await using (var host = await TestHost.StartAsync(db))
        {
            await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
            var backup = await HostCli.RunAsync(db.DataDir, ["backup", "--to", backups], env: Env(db));
            Assert.True(backup.Code == 0, backup.Error);
        }
        var archive = Assert.Single(Directory.GetFiles(backups));

        // The manifest and the rows in it: identity's users table holds Ada.
        var unpacked = Directory.CreateTempSubdirectory("trackstack-unpacked-").FullName;
        await using (var input = File.OpenRead(archive))
        await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
            await TarFile.ExtractToDirectoryAsync(gzip, unpacked, overwriteFiles: false);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(unpacked, "manifest.json")))!;
        Assert.Equal(1, manifest["rows"]!["identity"]!["users"]!.GetValue<long>());

        // A changed file inside an otherwise well-formed archive.
        await File.AppendAllTextAsync(Path.Combine(unpacked, "sqlite", "identity.db"), "tampered");
        var tampered = Path.Combine(backups, "tampered.tar.gz");
        await using (var output = File.Create(tampered))
        await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await TarFile.CreateFromDirectoryAsync(unpacked, gzip, includeBaseDirectory: false);
        var target = Directory.CreateTempSubdirectory("trackstack-restore-").FullName;
        var damaged = await HostCli.RunAsync(target, ["restore", tampered]);
        Assert.Equal(2, damaged.Code);
        Assert.Contains("sqlite/identity.db differs from its manifest", damaged.Error);
        Assert.Empty(Directory.GetFiles(target, "*.db"));
        Assert.Empty(Directory.GetDirectories(target));

        // An archive cut short (a copy that stopped halfway).
        var bytes = await File.ReadAllBytesAsync(archive);
        var cut = Path.Combine(backups, "cut.tar.gz");
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        var shortened = await HostCli.RunAsync(target, ["restore", cut]);
        Assert.Equal(2, shortened.Code);
        Assert.Contains("not a readable TrackStack backup", shortened.Error);
        Assert.Empty(Directory.GetFiles(target, "*.db"));

        var foreign = await HostCli.RunAsync(target, ["restore", backups]);
        Assert.Equal(2, foreign.Code);
        Assert.Contains("is not a file", foreign.Error);

        var noTarget = await HostCli.RunAsync(target, ["backup"]);
        Assert.NotEqual(0, noTarget.Code);
        Assert.Contains("--to", noTarget.Error + noTarget.Output);
    }

    [Fact]
    public async Task Prune_keeps_the_newest_backup_of_each_recent_day_week_and_month()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        // Two a day for three weeks of 2025, an old one from 2023, an unfinished one and a file of the operator's.
        var day = new DateTime(2025, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 21; i++)
        {
            foreach (var hour in new[] { 3, 15 }) await File.WriteAllTextAsync(Path.Combine(backups, $"trackstack-{day.AddDays(i).AddHours(hour - 3):yyyyMMdd'T'HHmmss'Z'}.tar.gz"), "x");
        }
        await File.WriteAllTextAsync(Path.Combine(backups, "trackstack-20230101T030000Z.tar.gz"), "x");
        await File.WriteAllTextAsync(Path.Combine(backups, "trackstack-20250330T030000Z.tar.gz.partial"), "x");
        await File.WriteAllTextAsync(Path.Combine(backups, "notes.txt"), "mine");
        await using var host = await TestHost.StartAsync(db);
        var run = await HostCli.RunAsync(db.DataDir, ["backup", "--to", backups, "--prune"],
            env: new Dictionary<string, string> { ["TrackStack__Backup__KeepDaily"] = "3", ["TrackStack__Backup__KeepWeekly"] = "2", ["TrackStack__Backup__KeepMonthly"] = "2" });
        Assert.True(run.Code == 0, run.Error);
        var left = Directory.GetFiles(backups).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        // Days: today's new one, 21 and 20 March (their 15:00 ones). Weeks: this one (new), the week of 17 March
        // (its newest: the 21st). Months: now, and March 2025 (its newest: the 21st). 2023 is gone.
        Assert.Equal(
            ["notes.txt", "trackstack-20250320T150000Z.tar.gz", "trackstack-20250321T150000Z.tar.gz", "trackstack-20250330T030000Z.tar.gz.partial"],
            left.Where(f => !f!.StartsWith("trackstack-2026", StringComparison.Ordinal)).ToList());
        Assert.Single(left, f => f!.StartsWith("trackstack-2026", StringComparison.Ordinal));
        Assert.Contains("Removed the older backup", run.Output);
    }

    [Fact]
    public async Task A_server_with_a_backup_folder_backs_up_at_start_when_the_last_backup_is_over_a_day_old()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Backup:Directory"] = backups });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Directory.EnumerateFiles(backups, "*.tar.gz").Any() && DateTime.UtcNow < deadline) await Task.Delay(100);
        var folder = Assert.Single(Directory.GetFiles(backups, "*.tar.gz"));
        Assert.Contains(host.Logs.Entries, l => l.Message.StartsWith("Backup ", StringComparison.Ordinal) && l.Message.Contains(folder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_backup_setting_stops_the_server_with_its_name()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(db, new Dictionary<string, string?> { ["Backup:HourUtc"] = "24" }));
        Assert.Contains("TrackStack__Backup__HourUtc", e.Message);
    }

    private static Dictionary<string, string> Env(TestDatabase db) => db.IsPostgres
        ? new() { ["TrackStack__Database__Provider"] = "postgres", ["TrackStack__Database__ConnectionString"] = db.ConnectionString! }
        : [];
}
