using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Households;

/// <summary>What the household route filter established for this request.</summary>
public sealed record HouseholdAccess(Guid HouseholdId, Guid UserId, HouseholdRole Role);

/// <summary>Endpoint metadata: the least role an endpoint needs (default: viewer to read, member to write).</summary>
public sealed record HouseholdRoleRequirement(HouseholdRole Role);

public static class HouseholdAccessExtensions
{
    public static HouseholdAccess GetHouseholdAccess(this HttpContext context) =>
        context.Features.Get<HouseholdAccess>()
        ?? throw new InvalidOperationException("This endpoint is not inside a household route group.");
}
