namespace TrackStack.Nutrition.Domain;

/// <summary>One ingredient line of a recipe as the cook wrote it, the food it is linked to (or none) and, when the
/// cook typed one, its weight. Quantity, unit and note are parsed from the text on every read, so a better
/// parser improves old recipes too.</summary>
internal sealed class RecipeIngredient : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid RecipeId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public string? FoodId { get; set; }
    public double? Grams { get; set; }
}
