using TrackStack.Dashboards.Contracts;

namespace TrackStack.Dashboards;

/// <summary>The in-process <see cref="IDashboardReader"/>; the household filter keeps other households' dashboards out.</summary>
internal sealed class DashboardReader(DashboardsDb db) : IDashboardReader
{
    public async Task<DashboardSnapshot?> GetAsync(Guid householdId, Guid dashboardId, CancellationToken ct)
    {
        var d = await db.Dashboards.AsNoTracking().Include(x => x.Widgets).FirstOrDefaultAsync(x => x.Id == dashboardId && x.HouseholdId == householdId, ct);
        return d is null ? null : new DashboardSnapshot(d.Id, d.Name, d.Widgets.OrderBy(w => w.Position)
            .Select(w => new WidgetSnapshot(w.Kind, w.Title, w.Metric, w.Agg, w.Bucket, w.Range, w.GroupBy, w.Filters, w.ProductId, w.Target))
            .ToList());
    }
}
