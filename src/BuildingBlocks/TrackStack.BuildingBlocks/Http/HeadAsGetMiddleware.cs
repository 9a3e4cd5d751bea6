using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Http;

/// <summary>HEAD works wherever GET does (RFC 9110 §9.3.2: same status and headers, no content). Minimal API
/// routes match GET only, so an API request with HEAD is routed as a GET and gets that answer; Kestrel keeps the
/// request's real method and never sends content for a HEAD. The method is put back for the request log. The web
/// app's files are left alone: the static file middleware answers HEAD itself.</summary>
internal sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method) || !HttpHardening.IsApi(context.Request.Path))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    }
}
