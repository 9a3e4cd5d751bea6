namespace TrackStack.Households.Features.WithdrawInvite;

internal static class WithdrawInvite
{
    public static void MapWithdrawInvite(this RouteGroupBuilder household) =>
        household.MapDelete("/invites/{inviteId:guid}", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Withdraw a pending invite");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid inviteId, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var invite = await db.Invites.FirstOrDefaultAsync(i => i.Id == inviteId && i.HouseholdId == householdId, ct);
        if (invite is null || invite.AcceptedAt is not null) return Problems.NotFound("Invite");
        invite.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
