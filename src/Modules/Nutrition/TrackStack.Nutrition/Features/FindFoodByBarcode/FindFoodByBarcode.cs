using TrackStack.Nutrition.Infrastructure.Fetching;

namespace TrackStack.Nutrition.Features.FindFoodByBarcode;

/// <summary>A scanned or typed barcode: the household's food with that barcode when it has one (no lookup), else the
/// product looked up in Open Food Facts (when the operator turned it on) and added as a household food, with OFF's
/// ODbL attribution and its serving as a unit.</summary>
internal static class FindFoodByBarcode
{
    public sealed record BarcodeRequest(string? Barcode);

    public static void MapFindFoodByBarcode(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/foods/barcode", HandleAsync)
            .WithSummary("Find a food by barcode: the household's own, else looked up in Open Food Facts (off unless configured) and added as a household food");

    internal static async Task<Results<Created<FoodResponse>, Ok<FoodResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, BarcodeRequest request, HttpContext http, NutritionDb db, IProductLookup lookup, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var barcode = request.Barcode?.Trim();
        errors.Check(barcode is { Length: >= 8 and <= 14 } && barcode.All(char.IsAsciiDigit), "barcode", "A barcode is 8 to 14 digits (EAN-8, UPC-A, EAN-13, GTIN-14).");
        if (errors.Any) return errors.ToResult();
        if (await db.Foods.AsNoTracking().FirstOrDefaultAsync(f => f.Barcode == barcode, ct) is { } known) return TypedResults.Ok(known.ToResponse());
        if (!lookup.Enabled)
            return errors.Add("barcode", "Barcode lookup is off on this server (the operator sets TrackStack__Nutrition__OpenFoodFactsUrl); add the food by hand.").ToResult();
        FoundProduct? product;
        try { product = await lookup.FindAsync(barcode!, ct); }
        catch (PageFetchException e) { return errors.Add("barcode", e.Message).ToResult(); }
        if (product is null) return Problems.NotFound("Product with this barcode in Open Food Facts");

        var now = StoredTime.Now(clock);
        var food = new HouseholdFood
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, UpdatedAt = now, CreatedBy = http.GetHouseholdAccess().UserId, Version = 1,
            Name = product.Name, Brand = product.Brand, Kcal = product.Kcal, Protein = product.Protein, Fat = product.Fat, SaturatedFat = product.SaturatedFat,
            Carbohydrate = product.Carbohydrate, Sugars = product.Sugars, Fibre = product.Fibre, SodiumMg = product.SodiumMg, Alcohol = product.Alcohol,
            Units = FoodUnits.Write(product.ServingGrams is { } g ? [new FoodUnit("serving", g)] : []),
            Barcode = product.Barcode, Attribution = product.Attribution,
        };
        db.Foods.Add(food);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/nutrition/foods/{food.Id}", food.ToResponse());
    }
}
