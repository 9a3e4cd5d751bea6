using System.Text.Json;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>The time of the last backup that completed, kept in the data dir (<c>last-backup.json</c>) so the server
/// reports it to monitoring also when the backup ran as a separate command.</summary>
public static class LastBackup
{
    public const string FileName = "last-backup.json";

    private sealed record Marker(DateTime CompletedAt, string Folder);

    public static async Task WriteAsync(string dataDir, DateTime completedAt, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDir); // on PostgreSQL a backup may run before anything else made the data dir
        var path = Path.Combine(dataDir, FileName);
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(new Marker(completedAt, folder), JsonSerializerOptions.Web), ct);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>When the last backup completed, or null when there is none (or the marker cannot be read).</summary>
    public static DateTime? Read(string dataDir)
    {
        try
        {
            var path = Path.Combine(dataDir, FileName);
            return File.Exists(path) ? JsonSerializer.Deserialize<Marker>(File.ReadAllText(path), JsonSerializerOptions.Web)?.CompletedAt : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
