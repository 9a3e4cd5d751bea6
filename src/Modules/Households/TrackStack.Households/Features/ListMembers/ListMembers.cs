namespace TrackStack.Households.Features.ListMembers;

internal static class ListMembers
{
    public static void MapListMembers(this RouteGroupBuilder household) =>
        household.MapGet("/members", HandleAsync).WithSummary("Members with their roles");

    internal static async Task<Ok<MemberResponse[]>> HandleAsync(Guid householdId, HouseholdsDb db, CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        return TypedResults.Ok(members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => m.ToResponse()).ToArray());
    }
}
