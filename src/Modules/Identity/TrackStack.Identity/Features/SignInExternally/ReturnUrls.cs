namespace TrackStack.Identity.Features.SignInExternally;

internal static class ReturnUrls
{
    /// <summary>A path on this site: starts with one '/', and holds no backslash, control, space or invisible
    /// formatting character (browsers drop tabs and newlines, so "/%09/evil.example" would become "//evil.example";
    /// U+202E and friends reorder what the address bar shows), nor a broken surrogate pair.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format)
        && !HasBrokenSurrogate(url);

    /// <summary>The local path as a Location header may carry it: non-ASCII characters percent-encoded as UTF-8
    /// ("/ü" → "/%C3%BC"); everything else, including existing %XX escapes, as given.</summary>
    internal static string ToLocation(string localUrl)
    {
        if (localUrl.All(char.IsAscii)) return localUrl;
        var location = new System.Text.StringBuilder(localUrl.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in localUrl.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                location.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length]) location.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return location.ToString();
    }

    private static bool HasBrokenSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}
