namespace TrackStack.Households.Features.RemoveMember;

internal static class RemoveMember
{
    public static void MapRemoveMember(this RouteGroupBuilder household) =>
        household.MapDelete("/members/{userId:guid}", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Remove a member (owners and admins), or yourself (same as leave)")
            .WithDescription("The member's open invites are withdrawn with them.");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid userId, HttpContext http, HouseholdsDb db, MembershipChanges changes, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var target = await db.Memberships.FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.UserId == userId, ct);
        if (target is null) return Problems.NotFound("Member");
        var owners = await db.Memberships.CountAsync(m => m.HouseholdId == householdId && m.Role == HouseholdRole.Owner, ct);
        var refusal = userId == access.UserId ? MembershipRules.CanLeave(target.Role, owners) : MembershipRules.CanRemove(access.Role, target.Role, owners);
        if (refusal is not null)
        {
            return userId == access.UserId ? Problems.Conflict("You cannot leave yet", refusal) : Problems.Forbidden(refusal);
        }
        await changes.RemoveAsync(target, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
