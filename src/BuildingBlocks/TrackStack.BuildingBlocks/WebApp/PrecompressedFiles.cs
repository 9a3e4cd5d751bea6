using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace TrackStack.BuildingBlocks.WebApp;

/// <summary>Sends the Brotli or gzip copy of a web app file that the build wrote beside it (<c>app.js.br</c>,
/// <c>app.js.gz</c>, see web/scripts/precompress.mjs) when the browser accepts that encoding: the bytes are compressed
/// once at the highest level instead of per request. The copy keeps the original's content type and says
/// <c>Content-Encoding</c>; every compressible file says <c>Vary: Accept-Encoding</c> so caches keep the variants apart.</summary>
internal static class PrecompressedFiles
{
    private const string EncodingItem = "TrackStack.PrecompressedEncoding";
    private static readonly (string Encoding, string Suffix)[] Copies = [("br", ".br"), ("gzip", ".gz")];

    public static bool IsCompressedCopy(PathString path) =>
        path.Value is { } p && (p.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".gz", StringComparison.OrdinalIgnoreCase));

    /// <summary>Points the request at the best accepted copy, when there is one.</summary>
    public static void SelectCopy(HttpContext context, IFileProvider files, IContentTypeProvider types)
    {
        var path = context.Request.Path.Value;
        if (path is null || !types.TryGetContentType(path, out _)) return;
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        if (accepted.Count == 0) return;
        foreach (var (encoding, suffix) in Copies)
        {
            if (!Accepts(accepted, encoding) || !files.GetFileInfo(path + suffix).Exists) continue;
            context.Request.Path = path + suffix;
            context.Items[EncodingItem] = encoding;
            return;
        }
    }

    public static void PrepareResponse(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (context.Items[EncodingItem] is string encoding)
        {
            headers.ContentEncoding = encoding;
            headers.Vary = HeaderNames.AcceptEncoding;
        }
        else if (IsCompressible(context.Response.ContentType))
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }
    }

    private static bool Accepts(IList<StringWithQualityHeaderValue> accepted, string encoding) =>
        accepted.Any(a => (a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) || a.Value.Equals("*", StringComparison.Ordinal)) && (a.Quality ?? 1) > 0);

    private static bool IsCompressible(string? contentType) =>
        contentType is not null && (contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) || contentType.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("svg", StringComparison.OrdinalIgnoreCase));

    /// <summary>A copy has its original's content type (<c>app.js.br</c> is JavaScript).</summary>
    internal sealed class ContentTypes(IContentTypeProvider inner) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            var original = IsCompressedCopy(subpath) ? subpath[..^3] : subpath;
            return inner.TryGetContentType(original, out contentType!);
        }
    }
}
