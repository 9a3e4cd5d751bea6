namespace TrackStack.Identity.Features.SignInExternally;

internal static class ReturnUrls
{
    /// <summary>A path on this site: starts with one '/', and holds no backslash, control or space character
    /// (browsers drop tabs and newlines, so "/%09/evil.example" would become "//evil.example").</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2000 && url[0] == '/'
        && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));
}
