namespace TrackStack.BuildingBlocks.Households;

public sealed record HouseholdMembershipSummary(Guid HouseholdId, string Name, HouseholdRole Role, bool IsPersonal);

/// <summary>The port every module uses to learn a user's role in a household. The Households module answers
/// it in-process; a module running as its own service asks the Households service over HTTP. Either way no
/// module joins another module's tables.</summary>
public interface IHouseholdMembershipQuery
{
    /// <summary>The caller's role, or null when the caller is not a member (or the household does not exist).</summary>
    Task<HouseholdRole?> GetRoleAsync(Guid householdId, Guid userId, CancellationToken ct);

    Task<IReadOnlyList<HouseholdMembershipSummary>> ListForUserAsync(Guid userId, CancellationToken ct);
}
