namespace TrackStack.Nutrition;

/// <summary>Checks a <see cref="LogRequest"/> and works out what it holds: the food's grams (from grams, or a quantity
/// in one of its units or a mass or volume unit it can be weighed in), a recipe's servings, or the quick values.
/// Shared by logging and changing an entry.</summary>
internal static class DiaryEntryInput
{
    public const int MaxDaysAhead = 1;

    /// <summary>More than anyone eats at once; above it (or infinite) a stored recipe's amounts are wrong,
    /// and such a number must not reach the diary's sums or JSON.</summary>
    private const double MaxRecipeAmount = 1_000_000;

    private static bool InRange(Nutrients n) =>
        new[] { n.Kcal, n.Protein, n.Fat, n.SaturatedFat, n.Carbohydrate, n.Sugars, n.Fibre, n.SodiumMg, n.Alcohol }
            .All(v => v is null || (double.IsFinite(v.Value) && Math.Abs(v.Value) <= MaxRecipeAmount));

    public static async Task<(FieldErrors Errors, Action<DiaryEntry>? Apply)> ResolveAsync(
        LogRequest r, DateOnly today, NutritionDb db, FoodCatalog catalog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(r.Date is { } d && d <= today.AddDays(MaxDaysAhead) && d >= new DateOnly(2000, 1, 1), "date", "Give the day eaten (not later than tomorrow).");
        var meal = r.Meal?.Trim().ToLowerInvariant();
        errors.Check(!string.IsNullOrEmpty(meal) && meal.Length <= 40, "meal", "Say which meal (breakfast, lunch, dinner, snacks or your own name, up to 40 characters).");
        var kinds = (r.FoodId is not null ? 1 : 0) + (r.RecipeId is not null ? 1 : 0) + (r.FoodId is null && r.RecipeId is null ? 1 : 0);
        errors.Check(r.FoodId is null || r.RecipeId is null, "foodId", "Log a food or a recipe, not both.");
        if (errors.Any || kinds != 1) return (errors, null);

        if (r.FoodId is not null)
        {
            var food = await catalog.FindAsync(r.FoodId, ct);
            if (food is null) return (errors.Add("foodId", "No such food here."), null);
            double? grams = null;
            if (r.Grams is not null)
            {
                errors.Check(r.Grams is > 0 and <= 20000, "grams", "Grams eaten are more than 0 and at most 20,000.");
                grams = r.Grams;
            }
            else if (r.Quantity is not null && r.Unit is not null)
            {
                errors.Check(r.Quantity is > 0 and <= 1000, "quantity", "The quantity is more than 0 and at most 1,000.");
                grams = GramsOf(r.Quantity.Value, r.Unit, food);
                if (grams is null) errors.Add("unit", $"\"{r.Unit}\" cannot be weighed for {food.Name}: use one of its units or grams.");
            }
            else
            {
                errors.Add("grams", "Give the grams eaten, or a quantity and unit.");
            }
            if (errors.Any) return (errors, null);
            var weight = Math.Round(grams!.Value, 2);
            return (errors, e =>
            {
                Common(e, r, meal!);
                e.Kind = DiaryEntryKind.Food;
                e.FoodId = food.Id;
                e.Label = Truncate(food.Name);
                e.Grams = weight;
                e.Quantity = r.Grams is null ? r.Quantity : null;
                e.Unit = r.Grams is null ? r.Unit!.Trim() : null;
                e.SetNutrients(food.Per100g.ForGrams(weight));
            });
        }
        if (r.RecipeId is { } recipeId)
        {
            // By servings, or by grams of the cooked dish when the cook weighed it.
            errors.Check((r.Servings is null) != (r.Grams is null), "servings", "Give the servings eaten or the grams of the cooked dish (one of them).");
            errors.Check(r.Servings is null or (> 0 and <= 100), "servings", "Servings eaten are more than 0 and at most 100.");
            errors.Check(r.Grams is null or (> 0 and <= 20000), "grams", "Grams eaten are more than 0 and at most 20,000.");
            if (errors.Any) return (errors, null);
            var recipe = await db.Recipes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == recipeId, ct);
            if (recipe is null) return (errors.Add("recipeId", "No such recipe here."), null);
            if (r.Grams is not null && recipe.TotalGrams is not > 0)
                return (errors.Add("grams", "This recipe has no cooked weight: log it by servings, or weigh the dish and add its weight to the recipe."), null);
            var rows = await db.Ingredients.AsNoTracking().Where(i => i.RecipeId == recipeId).ToListAsync(ct);
            var (_, nutrition, _) = await RecipeView.BuildAsync(recipe, rows, catalog, 1, ct);
            var grams = r.Grams is { } g ? Math.Round(g, 2) : (double?)null;
            var servings = r.Servings ?? grams!.Value / recipe.TotalGrams!.Value * recipe.Servings;
            var eaten = grams is { } w ? nutrition.Total.Times(w / recipe.TotalGrams!.Value) : nutrition.PerServing.Times(servings);
            if (!InRange(eaten))
                return (errors.Add("recipeId", "This recipe's nutrition is out of range; check its ingredient amounts."), null);
            return (errors, e =>
            {
                Common(e, r, meal!);
                e.Kind = DiaryEntryKind.Recipe;
                e.RecipeId = recipe.Id;
                e.Label = Truncate(recipe.Title);
                e.Servings = Math.Round(servings, 3);
                e.Grams = grams;
                e.SetNutrients(eaten);
            });
        }
        errors.Check(!string.IsNullOrWhiteSpace(r.Label) && r.Label.Trim().Length <= 200, "label", "Name the quick add (at most 200 characters).");
        errors.Check(r.Kcal is >= 0 and <= 20000, "kcal", "Give the kcal (0 to 20,000).");
        foreach (var (field, value) in new[] { ("protein", r.Protein), ("fat", r.Fat), ("carbohydrate", r.Carbohydrate) })
            errors.Check(value is null or (>= 0 and <= 2000), field, "Grams are 0 to 2,000.");
        if (errors.Any) return (errors, null);
        return (errors, e =>
        {
            Common(e, r, meal!);
            e.Kind = DiaryEntryKind.Quick;
            e.Label = r.Label!.Trim();
            e.SetNutrients(new Nutrients(r.Kcal, r.Protein, r.Fat, null, r.Carbohydrate, null, null, null, null));
        });
    }

    /// <summary>Grams of a quantity in one of the food's own units (by name), else in a mass or volume unit word.</summary>
    internal static double? GramsOf(double quantity, string unit, Food food)
    {
        var name = unit.Trim();
        if (food.Units.FirstOrDefault(u => string.Equals(u.Name, name, StringComparison.OrdinalIgnoreCase)) is { } own) return quantity * own.Grams;
        var word = Measure.Words.FirstOrDefault(w => string.Equals(w.Word, name, StringComparison.OrdinalIgnoreCase));
        return word.Measure is null ? null : UnitConversion.ToGrams(quantity, word.Measure, food.Units);
    }

    private static void Common(DiaryEntry e, LogRequest r, string meal)
    {
        e.Date = r.Date!.Value;
        e.Meal = meal;
        e.FoodId = null;
        e.RecipeId = null;
        e.Quantity = null;
        e.Unit = null;
        e.Grams = null;
        e.Servings = null;
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];
}
