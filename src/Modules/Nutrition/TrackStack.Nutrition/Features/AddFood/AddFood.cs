namespace TrackStack.Nutrition.Features.AddFood;

internal static class AddFood
{
    public static void MapAddFood(this RouteGroupBuilder nutrition) =>
        nutrition.MapPost("/foods", HandleAsync).WithSummary("Add a household food (per 100 g or per serving); warns when kcal and macros disagree by more than 15 %");

    internal static async Task<Results<Created<FoodResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, FoodRequest request, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var food = new HouseholdFood { Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = http.GetHouseholdAccess().UserId, Version = 1 };
        request.ApplyTo(food, now);
        db.Foods.Add(food);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/nutrition/foods/{food.Id}", food.ToResponse());
    }
}
