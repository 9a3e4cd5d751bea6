namespace TrackStack.Nutrition.Domain;

/// <summary>A food as the maths sees it, built-in or the household's: values per 100 g and its units.</summary>
internal sealed record Food(string Id, string Name, bool Household, Nutrients Per100g, IReadOnlyList<FoodUnit> Units);
