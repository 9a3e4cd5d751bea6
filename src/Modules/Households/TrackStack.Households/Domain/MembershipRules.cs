namespace TrackStack.Households.Domain;

/// <summary>Who may do what to whom in a household. Owners may do anything; admins manage everyone below
/// owner; a household never loses its last owner.</summary>
internal static class MembershipRules
{
    public static string? CanInvite(HouseholdRole actor, HouseholdRole invited) =>
        actor < HouseholdRole.Admin ? "Only owners and admins can invite."
        : invited == HouseholdRole.Owner && actor != HouseholdRole.Owner ? "Only an owner can invite another owner."
        : null;

    public static string? CanChangeRole(HouseholdRole actor, HouseholdRole target, HouseholdRole newRole, int ownerCount)
    {
        if (actor < HouseholdRole.Admin) return "Only owners and admins can change roles.";
        if (actor != HouseholdRole.Owner && (target == HouseholdRole.Owner || newRole == HouseholdRole.Owner))
            return "Only an owner can grant or take away ownership.";
        if (target == HouseholdRole.Owner && newRole != HouseholdRole.Owner && ownerCount <= 1)
            return "The household needs at least one owner: make someone else owner first.";
        return null;
    }

    public static string? CanRemove(HouseholdRole actor, HouseholdRole target, int ownerCount)
    {
        if (actor < HouseholdRole.Admin) return "Only owners and admins can remove members.";
        if (target == HouseholdRole.Owner && actor != HouseholdRole.Owner) return "Only an owner can remove an owner.";
        if (target == HouseholdRole.Owner && ownerCount <= 1) return "The household needs at least one owner.";
        return null;
    }

    /// <summary>An open invite stays only while its creator could still create it: removing a member, or lowering
    /// their role, withdraws the invites they could no longer send (an ex-admin must not re-enter with one).</summary>
    public static bool InviteStands(HouseholdRole? creatorRole, HouseholdRole invited) =>
        creatorRole is { } role && CanInvite(role, invited) is null;

    public static string? CanLeave(HouseholdRole self, int ownerCount) =>
        self == HouseholdRole.Owner && ownerCount <= 1
            ? "You are the last owner. Make another member owner before you leave."
            : null;
}
