using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrackStack.BuildingBlocks.Auth;
using TrackStack.BuildingBlocks.Caching;

namespace TrackStack.BuildingBlocks.Households;

/// <summary>Guards every route under /api/households/{householdId}/...: non-members get 404 (the household's
/// existence is not revealed), and members whose role is too low get 403. For members it records
/// <see cref="HouseholdAccess"/> and enters the request's <see cref="HouseholdScope"/>, so every query of household
/// data in the request sees only this household. A write invalidates the module's cached read models of the household.</summary>
internal sealed class HouseholdAccessFilter(string module) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.Request.RouteValues["householdId"]?.ToString(), out var householdId))
        {
            return Problems.NotFound("Household");
        }
        var userId = http.User.GetUserId();
        // Resolved per request: implementations may be scoped.
        var memberships = http.RequestServices.GetService<IHouseholdMembershipQuery>()
            ?? throw new InvalidOperationException("Household routes need the Households module in this process or TrackStack__Services__HouseholdsUrl.");
        var role = await memberships.GetRoleAsync(householdId, userId, http.RequestAborted);
        if (role is null)
        {
            return Problems.NotFound("Household");
        }

        var requirement = http.GetEndpoint()?.Metadata.GetMetadata<HouseholdRoleRequirement>();
        var needed = requirement?.Role ?? (IsRead(http.Request.Method) ? HouseholdRole.Viewer : HouseholdRole.Member);
        if (role < needed)
        {
            return Problems.Forbidden($"This needs the {needed.ToString().ToLowerInvariant()} role in the household; you are {role.Value.ToString().ToLowerInvariant()}.");
        }

        var household = await memberships.GetContextAsync(householdId, http.RequestAborted) ?? HouseholdContext.Unknown(householdId);
        http.Features.Set(new HouseholdAccess(householdId, userId, role.Value, household));
        http.RequestServices.GetRequiredService<HouseholdScope>().Enter(householdId);
        if (IsRead(http.Request.Method)) return await next(context);
        try
        {
            return await next(context);
        }
        finally
        {
            // Before the answer goes out: the caller's next read already misses the cache.
            http.RequestServices.GetRequiredService<ReadModelCache>().Invalidate(module, householdId);
        }
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
