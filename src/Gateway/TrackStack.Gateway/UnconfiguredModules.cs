using Microsoft.AspNetCore.Routing;

namespace TrackStack.Gateway;

/// <summary>The paths of modules that have no service URL answer 503 problem details naming the module and the setting,
/// in the same route table as the proxied paths (so precedence is the same). A deployment may leave modules out; the web
/// app shows such a module as "not set up here".</summary>
internal static class UnconfiguredModules
{
    public static void MapUnconfiguredModules(this IEndpointRouteBuilder app, IReadOnlyList<UnconfiguredRoute> routes)
    {
        foreach (var route in routes)
        {
            var endpoint = app.Map(route.Template, () => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Module not available",
                detail: $"The {route.Module} module is not configured on this gateway (TrackStack__Gateway__Modules__{route.Module})."));
            if (EdgeRateLimits.PolicyFor(route.Limit) is { } policy) endpoint.RequireRateLimiting(policy);
        }
    }
}
