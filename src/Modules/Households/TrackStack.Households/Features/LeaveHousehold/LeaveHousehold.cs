namespace TrackStack.Households.Features.LeaveHousehold;

internal static class LeaveHousehold
{
    public static void MapLeaveHousehold(this RouteGroupBuilder household) =>
        household.MapPost("/leave", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Leave the household (the last owner cannot)");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, HttpContext http, HouseholdsDb db, MembershipChanges changes, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var self = await db.Memberships.FirstAsync(m => m.HouseholdId == householdId && m.UserId == access.UserId, ct);
        var owners = await db.Memberships.CountAsync(m => m.HouseholdId == householdId && m.Role == HouseholdRole.Owner, ct);
        if (MembershipRules.CanLeave(self.Role, owners) is { } refusal) return Problems.Conflict("You cannot leave yet", refusal);
        await changes.RemoveAsync(self, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
