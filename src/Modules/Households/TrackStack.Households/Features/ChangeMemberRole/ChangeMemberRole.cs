namespace TrackStack.Households.Features.ChangeMemberRole;

public sealed record ChangeRoleRequest(HouseholdRole? Role);

internal static class ChangeMemberRole
{
    public static void MapChangeMemberRole(this RouteGroupBuilder household) =>
        household.MapPut("/members/{userId:guid}", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change a member's role (owners and admins; only owners grant ownership)")
            .WithDescription("Lowering a role withdraws the member's open invites that the new role could not send.");

    internal static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid userId, ChangeRoleRequest request, HttpContext http, HouseholdsDb db, MembershipChanges changes, CancellationToken ct)
    {
        if (request.Role is not { } newRole || !Enum.IsDefined(newRole))
        {
            return new FieldErrors().Add("role", "Choose one of owner, admin, member or viewer.").ToResult();
        }
        // Serializable: two owners demoting each other at once must not leave the household without an owner.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var target = await db.Memberships.FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.UserId == userId, ct);
        if (target is null) return Problems.NotFound("Member");
        var owners = await db.Memberships.CountAsync(m => m.HouseholdId == householdId && m.Role == HouseholdRole.Owner, ct);
        if (MembershipRules.CanChangeRole(http.GetHouseholdAccess().Role, target.Role, newRole, owners) is { } refusal)
        {
            return Problems.Forbidden(refusal);
        }
        if (target.Role != newRole)
        {
            await changes.ChangeRoleAsync(target, newRole, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(target.ToResponse());
    }
}
