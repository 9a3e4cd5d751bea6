namespace TrackStack.Training.Domain;

/// <summary>One member's training preferences in one household. Absent means the defaults: kilograms, Epley,
/// and a private log.</summary>
internal sealed class MemberSettings : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public WeightUnit Unit { get; set; }
    public E1rmFormula Formula { get; set; }
    /// <summary>Whether the household's other members may read this member's workouts, records and history.</summary>
    public bool ShareLog { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal enum WeightUnit
{
    Kg,
    Lb,
}
