namespace TrackStack.BuildingBlocks.Backups;

/// <summary>Nightly backups made by the server itself (TrackStack__Backup__...). Off until <see cref="Directory"/>
/// is set; the <c>backup</c> command works either way.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder, or <c>s3://bucket/prefix</c>, that receives one <c>trackstack-&lt;UTC time&gt;.tar.gz</c> per
    /// backup; empty turns nightly backups off. In a deployment of several replicas set it on one of them only.</summary>
    public string? Directory { get; set; }

    /// <summary>Hour of the day (UTC, 0–23) at which the nightly backup runs.</summary>
    public int HourUtc { get; set; } = 3;

    /// <summary>Retention after each nightly backup (and <c>backup --prune</c>): the newest backup of each of the last
    /// <see cref="KeepDaily"/> days, <see cref="KeepWeekly"/> ISO weeks and <see cref="KeepMonthly"/> months is kept.</summary>
    public int KeepDaily { get; set; } = 7;

    public int KeepWeekly { get; set; } = 4;

    public int KeepMonthly { get; set; } = 12;

    /// <summary>How <c>s3://</c> targets are reached (TrackStack__Backup__S3__...).</summary>
    public BackupS3Options S3 { get; set; } = new();
}

/// <summary>The S3 endpoint of <c>s3://</c> backup targets. Empty values leave the AWS SDK's own defaults: its
/// credential chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, profiles, instance roles) and region lookup.</summary>
public sealed class BackupS3Options
{
    /// <summary>Endpoint of an S3-compatible server (MinIO, Backblaze B2, Garage, s3rver); empty means AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Bucket in the path (<c>host/bucket/key</c>) rather than the host name; most S3-compatible servers want it.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Region (<c>eu-central-1</c>); with <see cref="ServiceUrl"/> the region the signature names.</summary>
    public string? Region { get; set; }

    /// <summary>Credentials as TrackStack settings, for when the SDK's environment variables do not suit; both or neither.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }
}
