using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace TrackStack.Nutrition.Infrastructure.Fetching;

/// <summary>Open Food Facts' product API (GET {base}/api/v2/product/{barcode}.json), when the operator set its URL.
/// Energy is energy-kcal_100g, else energy-kj_100g ÷ 4.184 (OFF's "energy_100g" is kJ too); a value given only per
/// serving is turned into per 100 g through serving_quantity; sodium is in g there and in mg here. The data is ODbL:
/// the food keeps the attribution.</summary>
internal sealed class OpenFoodFactsLookup(HttpClient http, IOptions<NutritionOptions> options) : IProductLookup
{
    public const string Attribution = "Data from Open Food Facts (openfoodfacts.org), available under the Open Database Licence (ODbL).";
    private const double KjPerKcal = 4.184;

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.OpenFoodFactsUrl);

    public async Task<FoundProduct?> FindAsync(string barcode, CancellationToken ct)
    {
        var url = new Uri(new Uri(options.Value.OpenFoodFactsUrl!.TrimEnd('/') + "/"), $"api/v2/product/{barcode}.json");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new PageFetchException("Open Food Facts did not answer; try again later or add the food by hand.");
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (!response.IsSuccessStatusCode) throw new PageFetchException($"Open Food Facts answered {(int)response.StatusCode}; try again later.");
            JsonDocument doc;
            try { doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct); }
            catch (JsonException) { throw new PageFetchException("Open Food Facts gave an answer that is not JSON."); }
            using (doc) return Read(doc.RootElement, barcode);
        }
    }

    internal static FoundProduct? Read(JsonElement root, string barcode)
    {
        if (!(root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == 1)) return null;
        if (!root.TryGetProperty("product", out var p) || p.ValueKind != JsonValueKind.Object) return null;
        var n = p.TryGetProperty("nutriments", out var x) && x.ValueKind == JsonValueKind.Object ? x : default;
        var serving = Number(p, "serving_quantity") is { } sq and > 0 and <= 5000 ? sq : (double?)null;
        double? Per100(string key)
        {
            if (n.ValueKind != JsonValueKind.Object) return null;
            if (Number(n, key + "_100g") is { } v) return v;
            return Number(n, key + "_serving") is { } s && serving is { } g ? s * 100 / g : null;
        }
        var kcal = Per100("energy-kcal") ?? (Per100("energy-kj") ?? Per100("energy")) / KjPerKcal;
        if (kcal is not { } energy || energy < 0 || energy > 900.5) return null;
        var name = Text(p, "product_name") ?? Text(p, "generic_name");
        if (name is null) return null;
        var brand = Text(p, "brands")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return new FoundProduct(barcode, Cut(name, 200), brand is null ? null : Cut(brand, 100), Math.Round(energy, 2), Grams(Per100("proteins")), Grams(Per100("fat")),
            Grams(Per100("saturated-fat")), Grams(Per100("carbohydrates")), Grams(Per100("sugars")), Grams(Per100("fiber")),
            Per100("sodium") is { } na and >= 0 and <= 40 ? Math.Round(na * 1000, 1) : null, Grams(Per100("alcohol")), serving, Attribution);
    }

    /// <summary>A gram value per 100 g, or null when missing or impossible (OFF data is crowd-sourced).</summary>
    private static double? Grams(double? v) => v is { } g && g >= 0 && g <= 100 ? Math.Round(g, 3) : null;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetDouble()
            : v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d
            : null
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
