namespace TrackStack.Dashboards.Features.ListDashboards;

/// <summary>One line of the dashboard list.</summary>
public sealed record DashboardSummaryResponse(Guid Id, string Name, string? Description, int Position, int WidgetCount, DateTime UpdatedAt);

internal static class ListDashboards
{
    public static void MapListDashboards(this RouteGroupBuilder group) =>
        group.MapGet("/", HandleAsync)
            .WithSummary("The household's dashboards, by position then name; the first list ever creates \"Household at a glance\"");

    internal static async Task<Ok<List<DashboardSummaryResponse>>> HandleAsync(
        Guid householdId, HttpContext http, DashboardsDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Seedings.AnyAsync(ct)) await SeedOnceAsync(db, householdId, http.GetHouseholdAccess().UserId, clock, ct);
        var list = await db.Dashboards.AsNoTracking()
            .OrderBy(d => d.Position).ThenBy(d => d.Name)
            .Select(d => new DashboardSummaryResponse(d.Id, d.Name, d.Description, d.Position, d.Widgets.Count, d.UpdatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    /// <summary>The mark is written first (it takes SQLite's write lock; on PostgreSQL a twin waits for it): of two first
    /// lists at once exactly one inserts it and seeds, the other sees the seeded dashboard once the first commits. A
    /// household that made dashboards before its first list keeps just those.</summary>
    private static async Task SeedOnceAsync(DashboardsDb db, Guid householdId, Guid userId, TimeProvider clock, CancellationToken ct)
    {
        var now = StoredTime.Now(clock);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.InsertIfMissingAsync([new DashboardSeeding { HouseholdId = householdId, SeededAt = now }], ct);
        if (marked == 1 && !await db.Dashboards.AnyAsync(ct))
        {
            var template = DashboardTemplates.HouseholdAtAGlance;
            await NewDashboards.AddAsync(db, householdId, userId, template.Name, template.Description, template.Widgets, now, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
