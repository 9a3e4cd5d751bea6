namespace TrackStack.Households.Features.ListHouseholds;

internal static class ListHouseholds
{
    public static void MapListHouseholds(this RouteGroupBuilder households) =>
        households.MapGet("", HandleAsync).WithSummary("The households you belong to, with your role in each");

    internal static async Task<Ok<HouseholdResponse[]>> HandleAsync(HttpContext http, HouseholdsDb db, CancellationToken ct)
    {
        var userId = http.User.GetUserId();
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Join(db.Households, m => m.HouseholdId, h => h.Id, (m, h) => new { h, m.Role, m.LastUsedAt })
            .ToListAsync(ct);
        return TypedResults.Ok(rows
            .OrderByDescending(r => r.h.IsPersonal).ThenBy(r => r.h.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => r.h.ToResponse(r.Role) with { LastUsedAt = r.LastUsedAt }).ToArray());
    }
}
