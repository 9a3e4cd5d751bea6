using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace TrackStack.BuildingBlocks.Http;

/// <summary><c>Cache-Control: no-store</c> on every API answer (household data, tokens, problem details) and on any
/// JSON answer elsewhere, so no browser or proxy keeps a copy. A response that chose its own caching keeps it: the
/// web app's files set theirs (<c>WebAppHosting</c>), and so do the health checks.</summary>
internal sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var response = context.Response;
            if (!response.Headers.ContainsKey(HeaderNames.CacheControl) && (HttpHardening.IsApi(context.Request.Path) || IsJson(response.ContentType)))
            {
                response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
}
