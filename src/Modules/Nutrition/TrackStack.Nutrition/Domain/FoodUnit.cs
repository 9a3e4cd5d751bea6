using System.Text.Json;

namespace TrackStack.Nutrition.Domain;

/// <summary>A household measure of one food and its weight: "cup, chopped" = 160 g, "large" = 50 g, "slice" = 30 g.</summary>
internal sealed record FoodUnit(string Name, double Grams);

/// <summary>A food's units as stored: a JSON array of {name, grams} (one column, read with the food).</summary>
internal static class FoodUnits
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<FoodUnit> units) => JsonSerializer.Serialize(units.ToList(), Json);

    public static IReadOnlyList<FoodUnit> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FoodUnit>>(json, Json) ?? [];
}
