using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TrackStack.Metrics.Domain;

/// <summary>A series' canonical tags (JSON, keys in ordinal order) and its id: the first 16 bytes of the SHA-256
/// of household, product, metric and tags, so every writer derives the same id without a lookup.</summary>
internal static class SeriesKey
{
    public static string CanonicalTags(SortedDictionary<string, string> tags) => JsonSerializer.Serialize(tags);

    /// <summary>The text one tag has inside <see cref="CanonicalTags"/>: a series has the tag exactly when its
    /// tags contain this (a quote inside a key or value is escaped, so no value can fake it).</summary>
    public static string TagFragment(string key, string value) => JsonSerializer.Serialize(key) + ":" + JsonSerializer.Serialize(value);

    public static SortedDictionary<string, string> ParseTags(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [], StringComparer.Ordinal);

    public static Guid Id(Guid householdId, Guid productId, string metric, string canonicalTags, Guid? ownerId = null)
    {
        // A personal series adds its member, so two members' series of one metric never share an id.
        var owner = ownerId is { } o ? $"\n{o:N}" : "";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{householdId:N}\n{productId:N}\n{metric}\n{canonicalTags}{owner}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The id of a household's built-in product, derived so concurrent first figures agree on it.</summary>
    public static Guid BuiltInProductId(Guid householdId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{householdId:N}\nbuilt-in product")).AsSpan(0, 16));
}
