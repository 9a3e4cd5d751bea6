namespace TrackStack.BuildingBlocks.Backups.S3;

/// <summary>An <c>s3://bucket/prefix</c> target (the prefix acts as a folder: archives are <c>prefix/trackstack-….tar.gz</c>)
/// or <c>s3://bucket/prefix/trackstack-….tar.gz</c>, one archive.</summary>
internal sealed record S3Location(string Bucket, string Key)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string target) => target.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static S3Location Parse(string target)
    {
        var rest = target[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var key = slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        if (bucket.Length == 0) throw new BackupException($"{target} names no bucket: write s3://<bucket>/<prefix>.");
        return new S3Location(bucket, key);
    }

    /// <summary>The key prefix under which a folder-like target keeps its archives ("" or "prefix/").</summary>
    public string FolderPrefix => Key.Length == 0 ? "" : Key + "/";

    public override string ToString() => $"{Scheme}{Bucket}/{Key}";
}
