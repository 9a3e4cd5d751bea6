namespace TrackStack.Nutrition.Domain;

/// <summary>A member's daily targets and whether the other members may read their diary. Not stored until the
/// member first changes them; until then the defaults apply.</summary>
internal sealed class MemberTargets : IHouseholdOwned
{
    public const double DefaultKcal = 2300;
    public const double DefaultProtein = 120;

    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public double Kcal { get; set; } = DefaultKcal;
    public double Protein { get; set; } = DefaultProtein;
    public double? Fat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Fibre { get; set; }
    public bool ShareDiary { get; set; }
    public DateTime UpdatedAt { get; set; }
}
