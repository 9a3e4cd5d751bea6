using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TrackStack.BuildingBlocks.Households;

public static class HouseholdRouteExtensions
{
    /// <summary>The route group every module uses for household data: /api/households/{householdId}/{module}.
    /// Authentication, membership and role are checked once for the whole group.</summary>
    public static RouteGroupBuilder MapHouseholdGroup(this IEndpointRouteBuilder app, string? module = null)
    {
        var prefix = "/api/households/{householdId:guid}" + (string.IsNullOrEmpty(module) ? "" : "/" + module);
        var group = app.MapGroup(prefix).RequireAuthorization();
        group.AddEndpointFilter<HouseholdAccessFilter>();
        return group;
    }

    public static TBuilder RequireHouseholdRole<TBuilder>(this TBuilder builder, HouseholdRole role)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new HouseholdRoleRequirement(role));
        return builder;
    }
}
