namespace TrackStack.Nutrition.Domain;

/// <summary>Marks a built-in data set as loaded ("sr28"): written in the same transaction as its foods, so a start
/// finds either all of them or none, and of two starts at once one loads and the other sees the key taken.</summary>
internal sealed class BuiltInFoodSet
{
    public string Name { get; set; } = "";
    public int FoodCount { get; set; }
    public DateTime LoadedAt { get; set; }
}
