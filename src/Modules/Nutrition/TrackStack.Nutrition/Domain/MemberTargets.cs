using System.Text.Json;

namespace TrackStack.Nutrition.Domain;

/// <summary>A weekday's own kcal and protein targets (a training day, a rest day); null keeps the everyday one.</summary>
internal sealed record WeekdayTarget(DayOfWeek Day, double? Kcal, double? Protein);

/// <summary>A member's daily targets, per weekday if wanted, and whether the other members may read their diary.
/// Not stored until the member first changes them; until then the defaults apply.</summary>
internal sealed class MemberTargets : IHouseholdOwned
{
    public const double DefaultKcal = 2300;
    public const double DefaultProtein = 120;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public double Kcal { get; set; } = DefaultKcal;
    public double Protein { get; set; } = DefaultProtein;
    public double? Fat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Fibre { get; set; }
    public bool ShareDiary { get; set; }

    /// <summary>The weekday overrides as a JSON array of <see cref="WeekdayTarget"/> (few, read with the row).</summary>
    public string Weekdays { get; set; } = "[]";
    public DateTime UpdatedAt { get; set; }

    public IReadOnlyList<WeekdayTarget> WeekdayTargets =>
        JsonSerializer.Deserialize<List<WeekdayTarget>>(Weekdays, Json) ?? [];

    public void SetWeekdays(IEnumerable<WeekdayTarget> days) =>
        Weekdays = JsonSerializer.Serialize(days.OrderBy(d => ((int)d.Day + 6) % 7).ToList(), Json);

    /// <summary>The kcal and protein that apply on a date: its weekday's when set, else the everyday ones.</summary>
    public (double Kcal, double Protein) On(DateOnly date)
    {
        var day = WeekdayTargets.FirstOrDefault(d => d.Day == date.DayOfWeek);
        return (day?.Kcal ?? Kcal, day?.Protein ?? Protein);
    }

    /// <summary>A copy whose kcal and protein are the ones of that date (what a day's remaining is measured against).</summary>
    public MemberTargets ForDay(DateOnly date)
    {
        var (kcal, protein) = On(date);
        return new MemberTargets
        {
            HouseholdId = HouseholdId, UserId = UserId, Kcal = kcal, Protein = protein, Fat = Fat, Carbohydrate = Carbohydrate, Fibre = Fibre,
            ShareDiary = ShareDiary, Weekdays = Weekdays, UpdatedAt = UpdatedAt,
        };
    }
}
