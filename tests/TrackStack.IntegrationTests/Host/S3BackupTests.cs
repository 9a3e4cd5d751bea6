using System.Diagnostics;
using TrackStack.IntegrationTests.Infrastructure;

namespace TrackStack.IntegrationTests.Host;

/// <summary>Backups to S3 against a real S3-compatible server (s3rver): the command uploads and prunes there the
/// same grandfather-father-son way, the restore fetches an archive from there, the server's nightly backup goes
/// there, and S3 trouble ends the command with a message, not a stack trace.</summary>
public sealed class S3BackupTests
{
    [Fact]
    public async Task Backup_to_s3_prunes_there_and_restores_from_there()
    {
        await using var s3 = await S3Server.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using (var host = await TestHost.StartAsync(db))
        {
            var (ada, _) = await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
            await Accounts.CreateHouseholdAsync(ada, "In the cloud");
        }
        // Old archives of other days, one cut short and a file of the operator's, under the same prefix.
        await s3.PutAsync("nightly/trackstack-20250101T030000Z.tar.gz", "x");
        await s3.PutAsync("nightly/trackstack-20250102T030000Z.tar.gz", "x");
        await s3.PutAsync("nightly/trackstack-20250103T030000Z.tar.gz.partial", "x");
        await s3.PutAsync("nightly/notes.txt", "mine");
        await s3.PutAsync("elsewhere/trackstack-20240101T030000Z.tar.gz", "x");

        var env = new Dictionary<string, string>(s3.Settings) { ["TrackStack__Backup__KeepDaily"] = "1", ["TrackStack__Backup__KeepWeekly"] = "0", ["TrackStack__Backup__KeepMonthly"] = "0" };
        var backup = await HostCli.RunAsync(db.DataDir, ["backup", "--to", $"s3://{S3Server.Bucket}/nightly", "--prune"], env: env);
        Assert.True(backup.Code == 0, backup.Error);
        Assert.Contains($"Backup written to s3://{S3Server.Bucket}/nightly/trackstack-", backup.Output);
        Assert.Contains($"Removed the older backup s3://{S3Server.Bucket}/nightly/trackstack-20250101T030000Z.tar.gz", backup.Output);
        Assert.DoesNotContain("S3RVER", backup.Output + backup.Error);

        var left = await s3.ListAsync("nightly");
        var archive = Assert.Single(left, n => n.EndsWith(".tar.gz", StringComparison.Ordinal));
        Assert.Equal(["notes.txt", "trackstack-20250103T030000Z.tar.gz.partial"], left.Where(n => n != archive));
        Assert.Single(await s3.ListAsync("elsewhere"));
        Assert.False(Directory.Exists(Path.Combine(db.DataDir, ".backup-upload")));
        Assert.Contains("s3://", await File.ReadAllTextAsync(Path.Combine(db.DataDir, "last-backup.json")));

        // Restore into an empty data dir, straight from the bucket.
        await using var fresh = await TestDatabase.CreateAsync("sqlite");
        var restored = await HostCli.RunAsync(fresh.DataDir, ["restore", $"s3://{S3Server.Bucket}/nightly/{archive}"], env: s3.Settings);
        Assert.True(restored.Code == 0, restored.Error);
        await using (var host = await TestHost.StartAsync(fresh))
        {
            var ada = await Accounts.LoginAsync(host, "ada@example.org");
            Assert.Contains("In the cloud", (await ada.GetJsonAsync("/api/households")).AsArray().Select(h => h.Str("name")));
        }
        // ... and not into one that has data now.
        var refused = await HostCli.RunAsync(fresh.DataDir, ["restore", $"s3://{S3Server.Bucket}/nightly/{archive}"], env: s3.Settings);
        Assert.Equal(2, refused.Code);
        Assert.Contains("already holds data", refused.Error);

        var missing = await HostCli.RunAsync(fresh.DataDir, ["restore", $"s3://{S3Server.Bucket}/nightly/trackstack-20200101T000000Z.tar.gz", "--force"], env: s3.Settings);
        Assert.Equal(2, missing.Code);
        Assert.Contains("does not exist", missing.Error);
        Assert.DoesNotContain("   at ", missing.Error);

        var nowhere = await HostCli.RunAsync(db.DataDir, ["backup", "--to", "s3://backups/nightly"],
            env: new Dictionary<string, string>(s3.Settings) { ["TrackStack__Backup__S3__ServiceUrl"] = "http://127.0.0.1:1" });
        Assert.Equal(2, nowhere.Code);
        Assert.Contains("S3 could not be reached", nowhere.Error);
        Assert.DoesNotContain("   at ", nowhere.Error);
    }

    [Fact]
    public async Task A_server_with_an_s3_backup_target_backs_up_there()
    {
        await using var s3 = await S3Server.StartAsync();
        await using var db = await TestDatabase.CreateAsync("sqlite");
        var settings = s3.HostSettings;
        settings["Backup:Directory"] = $"s3://{S3Server.Bucket}/server";
        await using var host = await TestHost.StartAsync(db, settings);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await s3.ListAsync("server")).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Single(await s3.ListAsync("server"));
    }

    [Fact]
    public async Task Backup_with_schedule_keeps_running_and_backs_up_at_once_when_the_last_backup_is_old()
    {
        await using var db = await TestDatabase.CreateAsync("sqlite");
        await using (var host = await TestHost.StartAsync(db)) await Accounts.RegisterAsync(host, "ada@example.org", "Ada");
        var backups = Directory.CreateTempSubdirectory("trackstack-backups-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "TrackStack.Host.dll"), "backup", "--to", backups, "--schedule"]) info.ArgumentList.Add(a);
        info.Environment["TrackStack__DataDir"] = db.DataDir;
        using var process = Process.Start(info)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!output.Any(l => l.StartsWith("Backup written to", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !process.HasExited) await Task.Delay(200);
            Assert.Contains(output, l => l.StartsWith("Backing up into", StringComparison.Ordinal) && l.Contains("every night at 03:00 UTC", StringComparison.Ordinal));
            Assert.Contains(output, l => l.StartsWith("Backup written to", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(backups, "*.tar.gz"));
            await Task.Delay(500);
            Assert.False(process.HasExited, "The scheduled backup should keep running until stopped.");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
            await process.WaitForExitAsync();
        }
    }
}

/// <summary>The S3 store on its own: a file larger than a part goes up in parts and comes back byte for byte.</summary>
public sealed class S3BackupStoreTests
{
    [Fact]
    public async Task A_large_archive_goes_up_in_parts_and_comes_back_unchanged()
    {
        await using var s3 = await S3Server.StartAsync();
        var dir = Directory.CreateTempSubdirectory("trackstack-s3-parts-").FullName;
        var file = Path.Combine(dir, "big.bin");
        var bytes = new byte[(12 * 1024 * 1024) + 123];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);
        using var store = new TrackStack.BuildingBlocks.Backups.S3.S3BackupStore(new() { ServiceUrl = s3.ServiceUrl, ForcePathStyle = true, AccessKeyId = "S3RVER", SecretAccessKey = "S3RVER" })
        {
            PartBytes = 5 * 1024 * 1024,
        };
        await store.UploadAsync(file, new(S3Server.Bucket, "parts/big.bin"), CancellationToken.None);
        var back = Path.Combine(dir, "back.bin");
        await store.DownloadAsync(new(S3Server.Bucket, "parts/big.bin"), back, CancellationToken.None);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(bytes), System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(back)));
        Directory.Delete(dir, true);
    }
}
