using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>Refuses, before any endpoint reads it, a request the framework would otherwise fail on with a 500:
/// <list type="bullet">
/// <item>a compressed body (<c>Content-Encoding</c> other than identity): nothing decompresses request bodies, so
/// the endpoint would read garbage: 415 with <c>Accept-Encoding: identity</c> (RFC 9110 §15.5.16, RFC 7694);</item>
/// <item>JSON in another charset than UTF-8 (RFC 8259 §8.1): the body reader throws on an unknown charset: 415;</item>
/// <item>a NUL character in the query string: PostgreSQL cannot compare text holding it: 400 naming the parameter.</item>
/// </list></summary>
internal sealed class RequestGuardMiddleware(RequestDelegate next)
{
    private static readonly string[] RemoveNul = ["Remove the NUL character (%00)."];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.ContentEncoding.Any(e => !string.IsNullOrWhiteSpace(e) && !e.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Headers.AcceptEncoding = "identity";
            return Unsupported(context, "Compressed request bodies are not accepted", "Send the body without Content-Encoding.");
        }
        if (request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var type) && IsJson(type) && !IsUtf8(type))
        {
            return Unsupported(context, "JSON must be UTF-8", $"The charset '{type.Charset}' is not accepted; send JSON as UTF-8 (charset=utf-8 or no charset).");
        }
        if (request.QueryString.HasValue)
        {
            var bad = request.Query.Where(q => q.Key.Contains('\0') || q.Value.Any(v => v?.Contains('\0') == true)).Select(q => q.Key.Replace("\0", "", StringComparison.Ordinal)).ToList();
            if (bad.Count > 0)
            {
                return Results.ValidationProblem(bad.Distinct().ToDictionary(k => k, _ => RemoveNul),
                    title: "The request has invalid fields.").ExecuteAsync(context);
            }
        }
        return next(context);
    }

    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(MediaTypeHeaderValue type)
    {
        var charset = HeaderUtilities.RemoveQuotes(type.Charset);
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static Task Unsupported(HttpContext context, string title, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: title, detail: detail).ExecuteAsync(context);
}
