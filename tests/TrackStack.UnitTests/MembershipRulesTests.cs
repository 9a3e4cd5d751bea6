using TrackStack.BuildingBlocks.Households;
using TrackStack.Households.Domain;
using static TrackStack.BuildingBlocks.Households.HouseholdRole;

namespace TrackStack.UnitTests;

public sealed class MembershipRulesTests
{
    [Theory]
    [InlineData(Owner, Owner, true)]
    [InlineData(Owner, Viewer, true)]
    [InlineData(Admin, Admin, true)]
    [InlineData(Admin, Owner, false)]
    [InlineData(Member, Viewer, false)]
    [InlineData(Viewer, Viewer, false)]
    public void Who_may_invite_whom(HouseholdRole actor, HouseholdRole invited, bool allowed) =>
        Assert.Equal(allowed, MembershipRules.CanInvite(actor, invited) is null);

    [Theory]
    [InlineData(Owner, Member, Owner, 1, true)]
    [InlineData(Owner, Owner, Member, 2, true)]
    [InlineData(Owner, Owner, Member, 1, false)] // last owner
    [InlineData(Admin, Member, Admin, 1, true)]
    [InlineData(Admin, Member, Owner, 1, false)]
    [InlineData(Admin, Owner, Member, 2, false)]
    [InlineData(Member, Viewer, Member, 1, false)]
    public void Who_may_change_roles(HouseholdRole actor, HouseholdRole target, HouseholdRole newRole, int owners, bool allowed) =>
        Assert.Equal(allowed, MembershipRules.CanChangeRole(actor, target, newRole, owners) is null);

    [Theory]
    [InlineData(Owner, Owner, 2, true)]
    [InlineData(Owner, Owner, 1, false)]
    [InlineData(Admin, Member, 1, true)]
    [InlineData(Admin, Owner, 2, false)]
    [InlineData(Member, Viewer, 1, false)]
    public void Who_may_remove_whom(HouseholdRole actor, HouseholdRole target, int owners, bool allowed) =>
        Assert.Equal(allowed, MembershipRules.CanRemove(actor, target, owners) is null);

    [Theory]
    [InlineData(Owner, 1, false)]
    [InlineData(Owner, 2, true)]
    [InlineData(Viewer, 1, true)]
    public void The_last_owner_cannot_leave(HouseholdRole self, int owners, bool allowed) =>
        Assert.Equal(allowed, MembershipRules.CanLeave(self, owners) is null);

    [Fact]
    public void Roles_are_ordered_by_what_they_allow() =>
        Assert.True(Viewer < Member && Member < Admin && Admin < Owner);
}
