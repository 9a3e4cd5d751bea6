using TrackStack.Identity.Contracts;

namespace TrackStack.Households.Features.RemoveDeletedAccount;

/// <summary>A deleted account leaves every household it belonged to. Where it was the last owner, the member who
/// joined first among the highest remaining role becomes owner (a household always keeps one); a household with no
/// one left is deleted, and every module deletes its data (HouseholdDeleted).</summary>
internal sealed class RemoveDeletedAccount(HouseholdsDb db, MembershipChanges changes, TimeProvider clock) : IIntegrationEventHandler<UserDeleted>
{
    public const string Name = "households-remove-deleted-account";

    public async Task HandleAsync(UserDeleted e, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var membership in await db.Memberships.Where(m => m.UserId == e.UserId).ToListAsync(ct))
        {
            var others = await db.Memberships.Where(m => m.HouseholdId == membership.HouseholdId && m.UserId != e.UserId).ToListAsync(ct);
            if (others.Count == 0)
            {
                await db.Invites.Where(i => i.HouseholdId == membership.HouseholdId).ExecuteDeleteAsync(ct);
                db.Memberships.Remove(membership);
                db.Households.Remove(await db.Households.FirstAsync(h => h.Id == membership.HouseholdId, ct));
                db.PublishEvent(new HouseholdDeleted(Guid.NewGuid(), now, membership.HouseholdId));
                continue;
            }
            if (membership.Role == HouseholdRole.Owner && others.All(m => m.Role != HouseholdRole.Owner))
            {
                var heir = others.OrderByDescending(m => m.Role).ThenBy(m => m.JoinedAt).First();
                await changes.ChangeRoleAsync(heir, HouseholdRole.Owner, ct);
            }
            await changes.RemoveAsync(membership, ct);
        }
        await db.SaveChangesAsync(ct);
    }
}
