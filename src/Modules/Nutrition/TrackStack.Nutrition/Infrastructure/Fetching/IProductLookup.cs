namespace TrackStack.Nutrition.Infrastructure.Fetching;

/// <summary>A packaged product found by its barcode: values per 100 g (null where the source has none) and, when the
/// source says what a serving weighs, that weight.</summary>
internal sealed record FoundProduct(
    string Barcode, string Name, string? Brand, double Kcal, double? Protein, double? Fat, double? SaturatedFat, double? Carbohydrate,
    double? Sugars, double? Fibre, double? SodiumMg, double? Alcohol, double? ServingGrams, string Attribution);

/// <summary>The port barcode lookups go through; the adapter is <see cref="OpenFoodFactsLookup"/>. Null: no such
/// product (or one without energy); a <see cref="PageFetchException"/> when the source cannot be reached.</summary>
internal interface IProductLookup
{
    bool Enabled { get; }

    Task<FoundProduct?> FindAsync(string barcode, CancellationToken ct);
}
