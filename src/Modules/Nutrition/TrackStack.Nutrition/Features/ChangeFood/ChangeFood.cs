namespace TrackStack.Nutrition.Features.ChangeFood;

internal static class ChangeFood
{
    public static void MapChangeFood(this RouteGroupBuilder nutrition) =>
        nutrition.MapPut("/foods/{foodId:guid}", HandleAsync).WithSummary("Change a household food (built-in foods cannot be changed)");

    internal static async Task<Results<Ok<FoodResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid foodId, FoodRequest request, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var food = await db.Foods.FirstOrDefaultAsync(f => f.Id == foodId, ct);
        if (food is null) return Problems.NotFound("Food");
        var errors = request.Validate();
        if (errors.Any) return errors.ToResult();
        request.ApplyTo(food, StoredTime.Now(clock));
        food.Version++;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(food.ToResponse());
    }
}
