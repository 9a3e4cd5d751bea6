namespace TrackStack.Dashboards;

/// <summary>Adds a dashboard (from a template, an imported document or the first-use seeding) after the
/// household's last one. Saving is the caller's.</summary>
internal static class NewDashboards
{
    public const string TooMany = "A household has at most 100 dashboards. Delete one first.";

    /// <summary>The tracked new dashboard, or null when the household already has the most it may have.</summary>
    public static async Task<Dashboard?> AddAsync(DashboardsDb db, Guid householdId, Guid userId, string name, string? description,
        IReadOnlyList<WidgetDefinition> widgets, DateTime now, CancellationToken ct)
    {
        var count = await db.Dashboards.CountAsync(ct);
        if (count >= WidgetVocabulary.MaxDashboards) return null;
        var last = count == 0 ? -1 : await db.Dashboards.MaxAsync(d => d.Position, ct);
        var dashboard = new Dashboard
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            Name = name,
            Description = description,
            Position = last + 1,
            Version = 1,
            CreatedAt = now,
            CreatedBy = userId,
            UpdatedAt = now,
        };
        dashboard.Widgets.AddRange(widgets.Select((w, i) => w.ToWidget(householdId, dashboard.Id, i)));
        db.Dashboards.Add(dashboard);
        return dashboard;
    }

    public static string Location(Guid householdId, Guid id) => $"/api/households/{householdId}/dashboards/{id}";
}
