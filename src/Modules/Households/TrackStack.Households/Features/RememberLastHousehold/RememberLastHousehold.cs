namespace TrackStack.Households.Features.RememberLastHousehold;

internal static class RememberLastHousehold
{
    public static void MapRememberLastHousehold(this RouteGroupBuilder household) =>
        household.MapPut("/members/me/last-used", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Remember this household as the one you used last")
            .WithDescription("The web app calls this when you switch households; GET /api/me then names it as lastHouseholdId, so signing in on any device opens it.");

    internal static async Task<NoContent> HandleAsync(Guid householdId, HttpContext http, HouseholdsDb db, TimeProvider time, CancellationToken ct)
    {
        var userId = http.GetHouseholdAccess().UserId;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Memberships.Where(m => m.HouseholdId == householdId && m.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LastUsedAt, now), ct);
        return TypedResults.NoContent();
    }
}
