using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TrackStack.BuildingBlocks.Backups.S3;

/// <summary>Archives kept in S3 through the AWS SDK: uploaded in one request or, when large, as a multipart upload,
/// listed by prefix, fetched and deleted. S3 shows an object only once its upload completed (a multipart
/// upload that never finished is not listed), so every archive listed is a whole one. SDK and network failures become
/// <see cref="BackupException"/>s with the service's message; credentials are never part of one.</summary>
internal sealed class S3BackupStore(BackupS3Options options) : IDisposable
{
    private readonly AmazonS3Client _client = CreateClient(options);

    private static AmazonS3Client CreateClient(BackupS3Options o)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.ForcePathStyle,
            // Checksums only where S3 requires them: S3-compatible servers do not all take the SDK's newer default
            // (aws-chunked uploads with trailing CRC32); the archive carries its own SHA-256 manifest anyway.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrWhiteSpace(o.ServiceUrl))
        {
            config.ServiceURL = o.ServiceUrl;
            if (!string.IsNullOrWhiteSpace(o.Region)) config.AuthenticationRegion = o.Region;
        }
        else if (!string.IsNullOrWhiteSpace(o.Region))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(o.Region);
        }
        return string.IsNullOrWhiteSpace(o.AccessKeyId)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(o.AccessKeyId, o.SecretAccessKey), config);
    }

    /// <summary>Archives above this size go up in parts of it (S3 takes at most 5 GiB in one request; parts must be
    /// at least 5 MiB but the last).</summary>
    internal long PartBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Every request signs the hash of its whole payload rather than using aws-chunked streaming
    /// signatures: S3 and every S3-compatible server take that, not all of them decode chunked uploads.</summary>
    public Task UploadAsync(string file, S3Location target, CancellationToken ct) => GuardAsync(target, async () =>
    {
        var size = new FileInfo(file).Length;
        if (size <= PartBytes)
        {
            await _client.PutObjectAsync(new PutObjectRequest { BucketName = target.Bucket, Key = target.Key, FilePath = file, UseChunkEncoding = false }, ct);
            return;
        }
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = target.Bucket, Key = target.Key }, ct);
        try
        {
            var parts = new List<PartETag>();
            for (var (number, position) = (1, 0L); position < size; number++, position += PartBytes)
            {
                var part = await _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = target.Bucket, Key = target.Key, UploadId = upload.UploadId, PartNumber = number,
                    FilePath = file, FilePosition = position, PartSize = Math.Min(PartBytes, size - position), UseChunkEncoding = false,
                }, ct);
                parts.Add(new PartETag(number, part.ETag));
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest { BucketName = target.Bucket, Key = target.Key, UploadId = upload.UploadId, PartETags = parts }, ct);
        }
        catch
        {
            // An unfinished upload is never listed, but it is stored (and billed) until aborted.
            await _client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = target.Bucket, Key = target.Key, UploadId = upload.UploadId }, CancellationToken.None);
            throw;
        }
    });

    public Task DownloadAsync(S3Location source, string file, CancellationToken ct) => GuardAsync(source, async () =>
    {
        using var response = await _client.GetObjectAsync(source.Bucket, source.Key, ct);
        await response.WriteResponseStreamToFileAsync(file, append: false, ct);
    });

    /// <summary>The names (without the prefix) of the objects directly under the folder-like prefix.</summary>
    public async Task<List<string>> ListAsync(S3Location folder, CancellationToken ct)
    {
        var names = new List<string>();
        await GuardAsync(folder, async () =>
        {
            var request = new ListObjectsV2Request { BucketName = folder.Bucket, Prefix = folder.FolderPrefix, Delimiter = "/" };
            ListObjectsV2Response page;
            do
            {
                page = await _client.ListObjectsV2Async(request, ct);
                foreach (var o in page.S3Objects ?? []) names.Add(o.Key[folder.FolderPrefix.Length..]);
                request.ContinuationToken = page.NextContinuationToken;
            } while (page.IsTruncated == true);
        });
        return names;
    }

    public Task DeleteAsync(S3Location target, CancellationToken ct) =>
        GuardAsync(target, () => _client.DeleteObjectAsync(target.Bucket, target.Key, ct));

    private static async Task GuardAsync(S3Location where, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new BackupException($"{where} does not exist ({e.ErrorCode ?? e.Message}).");
        }
        catch (AmazonServiceException e)
        {
            throw new BackupException($"S3 refused the request for {where}: {e.ErrorCode} {e.Message}".TrimEnd());
        }
        catch (AmazonClientException e)
        {
            throw new BackupException($"S3 could not be reached for {where}: {e.Message} (check TrackStack__Backup__S3__ServiceUrl, __Region and the credentials).");
        }
        catch (HttpRequestException e)
        {
            throw new BackupException($"S3 could not be reached for {where}: {e.Message}");
        }
    }

    public void Dispose() => _client.Dispose();
}
