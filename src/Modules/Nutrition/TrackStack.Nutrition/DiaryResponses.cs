namespace TrackStack.Nutrition;

public sealed record DiaryEntryResponse(
    Guid Id, DateOnly Date, string Meal, string Kind, string Label, string? FoodId, Guid? RecipeId,
    double? Quantity, string? Unit, double? Grams, double? Servings, NutrientsResponse Nutrients, long Version, DateTime CreatedAt);

public sealed record MealResponse(string Name, IReadOnlyList<DiaryEntryResponse> Entries, NutrientsResponse Totals);

/// <summary>A member's day: meals in order (the usual four, then any other names used that day), totals, targets
/// and what remains. RemainingKcal is negative when over; ProteinToGo is 0 once reached.</summary>
public sealed record DiaryDayResponse(
    DateOnly Date, Guid UserId, bool Own, IReadOnlyList<MealResponse> Meals, NutrientsResponse Totals, TargetsResponse Targets,
    double RemainingKcal, double ProteinToGo, string Remaining);

/// <summary>Today for the home card: kcal left and protein to go.</summary>
public sealed record NutritionSummaryResponse(DateOnly Date, double Kcal, double KcalTarget, double RemainingKcal, double Protein, double ProteinTarget, double ProteinToGo, int Entries, string Remaining);

internal static class DiaryMapping
{
    public static readonly string[] DefaultMeals = ["breakfast", "lunch", "dinner", "snacks"];

    public static DiaryEntryResponse ToResponse(this DiaryEntry e) => new(
        e.Id, e.Date, e.Meal, e.Kind switch { DiaryEntryKind.Food => "food", DiaryEntryKind.Recipe => "recipe", _ => "quick" }, e.Label, e.FoodId, e.RecipeId,
        e.Quantity, e.Unit, e.Grams, e.Servings, e.Nutrients.ToResponse(), e.Version, e.CreatedAt);

    public static Nutrients Sum(IEnumerable<DiaryEntry> entries) => entries.Aggregate(Nutrients.Zero, (t, e) => t.Plus(e.Nutrients));

    /// <summary>"640 kcal left, 38 g protein to go" (or "120 kcal over", "protein reached").</summary>
    public static string RemainingSentence(double remainingKcal, double proteinToGo)
    {
        var kcal = remainingKcal >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(remainingKcal):0} kcal left")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(-remainingKcal):0} kcal over");
        var protein = proteinToGo > 0 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(proteinToGo):0} g protein to go") : "protein reached";
        return $"{kcal}, {protein}";
    }

    public static (double RemainingKcal, double ProteinToGo) Remaining(Nutrients totals, MemberTargets targets) =>
        (Math.Round(targets.Kcal - (totals.Kcal ?? 0), 1), Math.Round(Math.Max(0, targets.Protein - (totals.Protein ?? 0)), 1));

    public static async Task<Nutrients> DayTotalsAsync(this NutritionDb db, Guid userId, DateOnly date, CancellationToken ct) =>
        Sum(await db.Diary.AsNoTracking().Where(d => d.UserId == userId && d.Date == date).ToListAsync(ct));
}
