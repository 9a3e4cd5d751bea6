namespace TrackStack.Households.Features.GetHousehold;

internal static class GetHousehold
{
    public static void MapGetHousehold(this RouteGroupBuilder household) =>
        household.MapGet("", HandleAsync).WithSummary("A household's settings and your role");

    /// <summary>Cached until the next write through the household's routes (settings, members, invites).</summary>
    internal static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> HandleAsync(Guid householdId, HttpContext http, HouseholdsDb db, ReadModelCache cache, CancellationToken ct)
    {
        var role = http.GetHouseholdAccess().Role;
        var response = await cache.GetOrBuildAsync(HouseholdsModule.Name, householdId, $"household:{role}", async c =>
            await db.Households.AsNoTracking().Where(x => x.Id == householdId).Select(h => new HouseholdResponse(h.Id, h.Name, h.TimeZone, h.Currency, h.Locale, h.IsPersonal, role, h.CreatedAt)).FirstOrDefaultAsync(c)
            ?? Missing, ct);
        return ReferenceEquals(response, Missing) ? Problems.NotFound("Household") : TypedResults.Ok(response);
    }

    /// <summary>Stands for "no such household" in the cache (it cannot hold null).</summary>
    private static readonly HouseholdResponse Missing = new(Guid.Empty, "", "", "", "", false, HouseholdRole.Viewer, default);
}
