using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Http;

public static class HttpHardening
{
    private static readonly PathString[] ApiPrefixes = ["/api", "/openapi", "/health"];

    /// <summary>Requests refused before routing (compressed bodies, JSON not in UTF-8, NUL in the query), no-store on
    /// API and JSON answers, and HEAD routed like GET. Goes before UseRouting.</summary>
    public static IApplicationBuilder UseHttpHardening(this IApplicationBuilder app) =>
        app.UseMiddleware<NoStoreMiddleware>()
            .UseMiddleware<RequestGuardMiddleware>()
            .UseMiddleware<HeadAsGetMiddleware>();

    /// <summary>The API, its document and the health checks, as opposed to the web app's files.</summary>
    internal static bool IsApi(PathString path) => ApiPrefixes.Any(p => path.StartsWithSegments(p));
}
