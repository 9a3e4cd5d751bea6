using System.Net;
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

            var backup = await HostCli.RunAsync(db.DataDir, ["backup", backups, "--keep", "3"], env: Env(db));
            Assert.True(backup.Code == 0, backup.Error);
            Assert.Contains("Backup written to", backup.Output);

            await Accounts.CreateHouseholdAsync(ada, "After the backup");
            File.Delete(photo);
        }

        var folder = Assert.Single(Directory.GetDirectories(backups));
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
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
    public async Task A_damaged_or_foreign_folder_is_refused_and_nothing_is_touched()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        await using (var host = await TestHost.StartAsync(db))
        {
            await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
            var backup = await HostCli.RunAsync(db.DataDir, ["backup", backups], env: Env(db));
            Assert.True(backup.Code == 0, backup.Error);
        }
        var folder = Assert.Single(Directory.GetDirectories(backups));
        await File.AppendAllTextAsync(Path.Combine(folder, "sqlite", "identity.db"), "tampered");
        var target = Directory.CreateTempSubdirectory("trackstack-restore-").FullName;

        var damaged = await HostCli.RunAsync(target, ["restore", folder]);
        Assert.Equal(2, damaged.Code);
        Assert.Contains("sqlite/identity.db differs from its manifest", damaged.Error);
        Assert.Empty(Directory.GetFiles(target, "*.db"));

        var foreign = await HostCli.RunAsync(target, ["restore", backups]);
        Assert.Equal(2, foreign.Code);
        Assert.Contains("is not a TrackStack backup", foreign.Error);

        var badKeep = await HostCli.RunAsync(target, ["backup", backups, "--keep", "0"]);
        Assert.Equal(2, badKeep.Code);
        Assert.Contains("--keep must be at least 1", badKeep.Error);
    }

    [Fact]
    public async Task Keep_removes_the_oldest_complete_backups_only_after_a_new_one_succeeds()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        await using var host = await TestHost.StartAsync(db);
        // Two older backups (one of them unfinished: no manifest, it is never counted or removed) and a new one.
        Directory.CreateDirectory(Path.Combine(backups, "trackstack-20200101T000000Z"));
        await File.WriteAllTextAsync(Path.Combine(backups, "trackstack-20200101T000000Z", "manifest.json"), "{}");
        Directory.CreateDirectory(Path.Combine(backups, "trackstack-20200102T000000Z.partial"));
        var run = await HostCli.RunAsync(db.DataDir, ["backup", backups, "--keep", "1"]);
        Assert.True(run.Code == 0, run.Error);
        Assert.Contains("Removed the older backup", run.Output);
        var left = Directory.GetDirectories(backups).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, left.Count);
        Assert.Equal("trackstack-20200102T000000Z.partial", left[0]);
        Assert.StartsWith("trackstack-2026", left[1]);
    }

    [Fact]
    public async Task A_server_with_a_backup_folder_backs_up_at_start_when_the_last_backup_is_over_a_day_old()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        await using var host = await TestHost.StartAsync(db, new Dictionary<string, string?> { ["Backup:Directory"] = backups, ["Backup:Keep"] = "2" });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Directory.EnumerateDirectories(backups).Any(d => File.Exists(Path.Combine(d, "manifest.json"))) && DateTime.UtcNow < deadline) await Task.Delay(100);
        var folder = Assert.Single(Directory.GetDirectories(backups));
        Assert.True(File.Exists(Path.Combine(folder, "sqlite", "identity.db")));
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
