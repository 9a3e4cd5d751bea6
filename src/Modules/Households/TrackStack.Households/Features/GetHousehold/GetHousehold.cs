namespace TrackStack.Households.Features.GetHousehold;

internal static class GetHousehold
{
    public static void MapGetHousehold(this RouteGroupBuilder household) =>
        household.MapGet("", HandleAsync).WithSummary("A household's settings and your role");

    internal static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, HttpContext http, HouseholdsDb db, CancellationToken ct)
    {
        var h = await db.Households.AsNoTracking().FirstOrDefaultAsync(x => x.Id == householdId, ct);
        return h is null ? Problems.NotFound("Household") : TypedResults.Ok(h.ToResponse(http.GetHouseholdAccess().Role));
    }
}
