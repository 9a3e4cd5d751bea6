using Microsoft.AspNetCore.Http;

namespace TrackStack.BuildingBlocks.Households;

/// <summary>What the household route filter established for this request: who asks, with which role, and the
/// household's context (time zone, currency, locale).</summary>
public sealed record HouseholdAccess(Guid HouseholdId, Guid UserId, HouseholdRole Role, HouseholdContext Context)
{
    /// <summary>Today in the household's time zone.</summary>
    public DateOnly Today(TimeProvider clock) => Context.Today(clock);
}

/// <summary>Endpoint metadata: the least role an endpoint needs (default: viewer to read, member to write).</summary>
public sealed record HouseholdRoleRequirement(HouseholdRole Role);

public static class HouseholdAccessExtensions
{
    public static HouseholdAccess GetHouseholdAccess(this HttpContext context) =>
        context.Features.Get<HouseholdAccess>()
        ?? throw new InvalidOperationException("This endpoint is not inside a household route group.");
}
