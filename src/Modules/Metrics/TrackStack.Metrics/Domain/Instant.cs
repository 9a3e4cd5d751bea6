namespace TrackStack.Metrics.Domain;

/// <summary>ISO 8601 instants as clients send them: an offset or "Z" is required (a bare local time would be
/// read in the server's zone).</summary>
internal static class Instant
{
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return null;
        var t = text.Trim();
        var hasZone = t.EndsWith('Z') || t.EndsWith('z') || (t.Length > 6 && (t[^6] is '+' or '-') && t[^3] == ':');
        if (!hasZone || t.IndexOf('T', StringComparison.OrdinalIgnoreCase) < 0) return null;
        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v.UtcDateTime : null;
    }
}
