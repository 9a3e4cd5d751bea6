namespace TrackStack.Nutrition.Domain;

internal enum DiaryEntryKind { Food, Recipe, Quick }

/// <summary>Something a member ate, in their own diary (UserId): a food by weight, a recipe by servings, or a
/// quick add of typed values. The nutrients are what it held when logged, so editing a food or a recipe later
/// does not rewrite past days. The id may be the client's (offline logging).</summary>
internal sealed class DiaryEntry : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly Date { get; set; }
    public string Meal { get; set; } = "";
    public DiaryEntryKind Kind { get; set; }
    public string? FoodId { get; set; }
    public Guid? RecipeId { get; set; }
    public string Label { get; set; } = "";
    public double? Quantity { get; set; }
    public string? Unit { get; set; }
    public double? Grams { get; set; }
    public double? Servings { get; set; }
    public double Kcal { get; set; }
    public double? Protein { get; set; }
    public double? Fat { get; set; }
    public double? SaturatedFat { get; set; }
    public double? Carbohydrate { get; set; }
    public double? Sugars { get; set; }
    public double? Fibre { get; set; }
    public double? SodiumMg { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public Nutrients Nutrients => new(Kcal, Protein, Fat, SaturatedFat, Carbohydrate, Sugars, Fibre, SodiumMg, null);

    public void SetNutrients(Nutrients n)
    {
        Kcal = Math.Round(n.Kcal ?? 0, 2);
        Protein = Round(n.Protein);
        Fat = Round(n.Fat);
        SaturatedFat = Round(n.SaturatedFat);
        Carbohydrate = Round(n.Carbohydrate);
        Sugars = Round(n.Sugars);
        Fibre = Round(n.Fibre);
        SodiumMg = Round(n.SodiumMg);
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;
}
