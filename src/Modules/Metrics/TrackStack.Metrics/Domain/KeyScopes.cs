namespace TrackStack.Metrics.Domain;

/// <summary>What a key may do: write points, and optionally read its product's series.</summary>
internal static class KeyScopes
{
    public const string Ingest = "ingest";
    public const string Read = "read";

    public static readonly string[] All = [Ingest, Read];
}
