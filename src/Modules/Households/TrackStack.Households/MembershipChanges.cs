namespace TrackStack.Households;

/// <summary>Removing a member and changing a role, with what follows from them: the event, and withdrawing the
/// open invites the member can no longer send. The caller holds the (serializable) transaction and saves.</summary>
internal sealed class MembershipChanges(HouseholdsDb db, TimeProvider clock)
{
    public async Task RemoveAsync(Membership member, CancellationToken ct)
    {
        db.Memberships.Remove(member);
        await WithdrawInvitesAsync(member.HouseholdId, member.UserId, newRole: null, ct);
        db.PublishEvent(new MemberRemoved(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, member.HouseholdId, member.UserId));
    }

    public async Task ChangeRoleAsync(Membership member, HouseholdRole role, CancellationToken ct)
    {
        member.Role = role;
        await WithdrawInvitesAsync(member.HouseholdId, member.UserId, role, ct);
        db.PublishEvent(new MemberRoleChanged(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, member.HouseholdId, member.UserId, role.Wire()));
    }

    private async Task WithdrawInvitesAsync(Guid householdId, Guid creator, HouseholdRole? newRole, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Invites.Where(i => i.HouseholdId == householdId && i.CreatedBy == creator && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct);
        foreach (var invite in open.Where(i => !MembershipRules.InviteStands(newRole, i.Role)))
        {
            invite.RevokedAt = now;
        }
    }
}
