using TrackStack.Households.Contracts;
using TrackStack.Identity.Contracts;

namespace TrackStack.Reports.Features.KeepRecipients;

/// <summary>Keeps who may receive reports: accounts' addresses from Identity, memberships from Households. A member
/// who leaves is taken off every schedule and digest of that household at once.</summary>
internal sealed class KeepRecipients(ReportsDb db) :
    IIntegrationEventHandler<UserRegistered>, IIntegrationEventHandler<UserDeleted>,
    IIntegrationEventHandler<MemberJoined>, IIntegrationEventHandler<MemberRoleChanged>, IIntegrationEventHandler<MemberRemoved>
{
    public const string Registered = "reports-user-registered";
    public const string Deleted = "reports-user-deleted";
    public const string Joined = "reports-member-joined";
    public const string RoleChanged = "reports-member-role-changed";
    public const string Removed = "reports-member-removed";

    public async Task HandleAsync(UserRegistered e, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserId == e.UserId, ct);
        if (user is null) db.Users.Add(user = new ReportUser { UserId = e.UserId });
        (user.Email, user.DisplayName) = (e.Email, e.DisplayName);
        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(UserDeleted e, CancellationToken ct)
    {
        await db.Users.Where(u => u.UserId == e.UserId).ExecuteDeleteAsync(ct);
    }

    public async Task HandleAsync(MemberJoined e, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == e.UserId, ct);
        if (member is null) db.Members.Add(member = new ReportMember { HouseholdId = e.HouseholdId, UserId = e.UserId });
        member.Role = e.Role;
        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(MemberRoleChanged e, CancellationToken ct)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.UserId == e.UserId, ct);
        if (member is null) return;
        member.Role = e.Role;
        await db.SaveChangesAsync(ct);
    }

    public async Task HandleAsync(MemberRemoved e, CancellationToken ct)
    {
        await db.Members.Where(m => m.UserId == e.UserId).ExecuteDeleteAsync(ct);
        // Digests too: a digest nobody has on any more stops.
        foreach (var schedule in await db.Schedules.ToListAsync(ct)) schedule.Remove(e.UserId, StoredTime.Round(e.OccurredAt));
        await db.SaveChangesAsync(ct);
    }
}
