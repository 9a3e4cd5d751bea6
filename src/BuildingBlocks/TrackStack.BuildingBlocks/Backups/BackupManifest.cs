using System.Security.Cryptography;
using System.Text.Json;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>What a backup holds (<c>manifest.json</c>): every file with its size and SHA-256, so a restore refuses a
/// backup that was cut short or changed, and the row count of every table of every module at the moment of the
/// snapshot, so a restore (or a later import elsewhere) can prove it put everything back.</summary>
public sealed record BackupManifest(int Format, DateTime CreatedAt, string Version, string Provider, IReadOnlyList<string> Modules,
    IReadOnlyList<BackupFile> Files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Rows)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<BackupFile> DescribeAsync(string root, string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, ct);
        return new BackupFile(Path.GetRelativePath(root, path).Replace('\\', '/'), stream.Length, Convert.ToHexStringLower(hash));
    }

    public async Task WriteAsync(string folder, CancellationToken ct)
    {
        await using var stream = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(stream, this, Json, ct);
    }

    /// <summary>The manifest of an unpacked backup, or an error naming what is wrong with it.</summary>
    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken ct)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path)) throw new BackupException($"{folder} is not a TrackStack backup: it has no {FileName}.");
        try
        {
            await using var stream = File.OpenRead(path);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, Json, ct);
            if (manifest?.Files is null || manifest.Rows is null || manifest.Format != CurrentFormat)
                throw new BackupException($"{path} is not a manifest this version reads (format {manifest?.Format}).");
            return manifest;
        }
        catch (JsonException e)
        {
            throw new BackupException($"{path} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Checks every listed file against its size and hash, and that the paths stay inside the folder.</summary>
    public async Task VerifyAsync(string folder, CancellationToken ct)
    {
        var root = Path.GetFullPath(folder);
        foreach (var file in Files)
        {
            var path = Path.GetFullPath(Path.Combine(root, file.Path));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new BackupException($"The manifest names a file outside the backup: {file.Path}.");
            if (!File.Exists(path)) throw new BackupException($"The backup is incomplete: {file.Path} is missing.");
            var actual = await DescribeAsync(root, path, ct);
            if (actual.Bytes != file.Bytes || actual.Sha256 != file.Sha256)
                throw new BackupException($"The backup is damaged: {file.Path} differs from its manifest.");
        }
    }
}

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>A backup or restore that cannot go on; the message says why, for an operator.</summary>
public sealed class BackupException(string message) : Exception(message);
