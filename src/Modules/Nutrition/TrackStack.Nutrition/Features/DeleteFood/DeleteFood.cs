namespace TrackStack.Nutrition.Features.DeleteFood;

internal static class DeleteFood
{
    public static void MapDeleteFood(this RouteGroupBuilder nutrition) =>
        nutrition.MapDelete("/foods/{foodId:guid}", HandleAsync)
            .WithSummary("Delete a household food; diary entries keep their values, recipe lines using it become unlinked");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid foodId, NutritionDb db, CancellationToken ct)
    {
        var food = await db.Foods.FirstOrDefaultAsync(f => f.Id == foodId, ct);
        if (food is null) return Problems.NotFound("Food");
        db.Foods.Remove(food);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
