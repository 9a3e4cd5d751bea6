namespace TrackStack.Nutrition.Features.GetTargets;

internal static class GetTargets
{
    public static void MapGetTargets(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/targets", HandleAsync).WithSummary("The caller's daily targets (2,300 kcal and 120 g protein until changed) and diary sharing");

    internal static async Task<Ok<TargetsResponse>> HandleAsync(Guid householdId, HttpContext http, NutritionDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.TargetsOrDefaultsAsync(householdId, http.GetHouseholdAccess().UserId, ct)).ToResponse());
}
