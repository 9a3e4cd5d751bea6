namespace TrackStack.Households.Features.ListInvites;

internal static class ListInvites
{
    public static void MapListInvites(this RouteGroupBuilder household) =>
        household.MapGet("/invites", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Pending invites");

    internal static async Task<Ok<InviteResponse[]>> HandleAsync(Guid householdId, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var invites = await db.Invites.AsNoTracking()
            .Where(i => i.HouseholdId == householdId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ToListAsync(ct);
        return TypedResults.Ok(invites.OrderBy(i => i.CreatedAt).Select(i => new InviteResponse(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt)).ToArray());
    }
}
