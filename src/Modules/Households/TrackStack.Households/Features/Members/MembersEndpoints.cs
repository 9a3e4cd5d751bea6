using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Households.Contracts;
using TrackStack.Households.Domain;
using TrackStack.Households.Infrastructure;

namespace TrackStack.Households.Features.Members;

public sealed record ChangeRoleRequest(HouseholdRole? Role);

public sealed record MyMembershipResponse(Guid HouseholdId, Guid UserId, HouseholdRole Role);

internal static class MembersEndpoints
{
    public static void MapMembers(this RouteGroupBuilder household)
    {
        household.MapGet("/members", ListAsync).WithSummary("Members with their roles");
        household.MapGet("/members/me", Me).WithSummary("Your own role (used by module services to check access)");
        household.MapPut("/members/{userId:guid}", ChangeRoleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change a member's role (owners and admins; only owners grant ownership)");
        household.MapDelete("/members/{userId:guid}", RemoveAsync)
            .RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Remove a member (owners and admins), or yourself (same as leave)");
        household.MapPost("/leave", LeaveAsync)
            .RequireHouseholdRole(HouseholdRole.Viewer)
            .WithSummary("Leave the household (the last owner cannot)");
    }

    internal static async Task<Ok<MemberResponse[]>> ListAsync(Guid householdId, HouseholdsDb db, CancellationToken ct)
    {
        var members = await db.Memberships.AsNoTracking().Where(m => m.HouseholdId == householdId).ToListAsync(ct);
        return TypedResults.Ok(members.OrderByDescending(m => m.Role).ThenBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .Select(m => m.ToResponse()).ToArray());
    }

    internal static Ok<MyMembershipResponse> Me(HttpContext http)
    {
        var access = http.GetHouseholdAccess();
        return TypedResults.Ok(new MyMembershipResponse(access.HouseholdId, access.UserId, access.Role));
    }

    internal static async Task<Results<Ok<MemberResponse>, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        Guid householdId, Guid userId, ChangeRoleRequest request, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
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
            target.Role = newRole;
            db.PublishEvent(new MemberRoleChanged(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, householdId, userId, newRole.Wire()));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return TypedResults.Ok(target.ToResponse());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid householdId, Guid userId, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        if (userId == access.UserId) return await LeaveAsync(householdId, http, db, clock, ct);
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var target = await db.Memberships.FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.UserId == userId, ct);
        if (target is null) return Problems.NotFound("Member");
        var owners = await db.Memberships.CountAsync(m => m.HouseholdId == householdId && m.Role == HouseholdRole.Owner, ct);
        if (MembershipRules.CanRemove(access.Role, target.Role, owners) is { } refusal) return Problems.Forbidden(refusal);
        var removed = await DeleteAsync(db, target, clock, ct);
        await tx.CommitAsync(ct);
        return removed;
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> LeaveAsync(Guid householdId, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var self = await db.Memberships.FirstAsync(m => m.HouseholdId == householdId && m.UserId == access.UserId, ct);
        var owners = await db.Memberships.CountAsync(m => m.HouseholdId == householdId && m.Role == HouseholdRole.Owner, ct);
        if (MembershipRules.CanLeave(self.Role, owners) is { } refusal) return Problems.Conflict("You cannot leave yet", refusal);
        var left = await DeleteAsync(db, self, clock, ct);
        await tx.CommitAsync(ct);
        return left;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HouseholdsDb db, Membership member, TimeProvider clock, CancellationToken ct)
    {
        db.Memberships.Remove(member);
        db.PublishEvent(new MemberRemoved(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, member.HouseholdId, member.UserId));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
