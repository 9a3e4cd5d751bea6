namespace TrackStack.BuildingBlocks.Households;

/// <summary>A member's role in a household, ordered by what it allows.</summary>
public enum HouseholdRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer = 0,
    /// <summary>Reads and records data.</summary>
    Member = 1,
    /// <summary>Also changes settings and manages members below owner.</summary>
    Admin = 2,
    /// <summary>Everything, including granting ownership. A household always keeps one.</summary>
    Owner = 3,
}
