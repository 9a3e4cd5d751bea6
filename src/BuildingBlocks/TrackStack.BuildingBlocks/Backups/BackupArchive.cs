using System.Formats.Tar;
using System.IO.Compression;
using TrackStack.BuildingBlocks.Backups.S3;

namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Opens an archive for restore and import alike: fetches it from S3 when it is an <c>s3://</c> one, unpacks
/// it into a staging folder and checks every file against the manifest before anything else looks at it.</summary>
internal static class BackupArchive
{
    public static async Task<BackupManifest> OpenAsync(string archive, string staging, BackupS3Options s3, CancellationToken ct)
    {
        Directory.CreateDirectory(staging);
        var local = archive;
        var downloaded = staging + ".download" + BackupWriter.Extension;
        try
        {
            if (S3Location.IsS3(archive))
            {
                using var store = new S3BackupStore(s3);
                await store.DownloadAsync(S3Location.Parse(archive), downloaded, ct);
                local = downloaded;
            }
            else
            {
                local = Path.GetFullPath(archive);
                if (!File.Exists(local)) throw new BackupException($"{local} is not a file: give the trackstack-<time>{BackupWriter.Extension} that 'backup' wrote.");
            }
            await UnpackAsync(local, staging, ct);
        }
        finally
        {
            if (File.Exists(downloaded)) File.Delete(downloaded);
        }
        var manifest = await BackupManifest.ReadAsync(staging, ct);
        await manifest.VerifyAsync(staging, ct);
        return manifest;
    }

    private static async Task UnpackAsync(string archive, string staging, CancellationToken ct)
    {
        try
        {
            await using var input = File.OpenRead(archive);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            // ExtractToDirectory refuses entries that would land outside the folder.
            await TarFile.ExtractToDirectoryAsync(gzip, staging, overwriteFiles: false, ct);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or FormatException)
        {
            throw new BackupException($"{archive} is not a readable TrackStack backup: {e.Message}");
        }
    }
}
