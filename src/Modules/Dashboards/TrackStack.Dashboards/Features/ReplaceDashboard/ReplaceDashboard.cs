namespace TrackStack.Dashboards.Features.ReplaceDashboard;

/// <summary>The whole dashboard as the editor saves it: widgets in their new order (a widget's id keeps it; one
/// without is new; one left out is removed). Version is the one the editor loaded.</summary>
public sealed record ReplaceDashboardRequest(string? Name, string? Description, WidgetRequest?[]? Widgets, long? Version);

internal static class ReplaceDashboard
{
    public static void MapReplaceDashboard(this RouteGroupBuilder group) =>
        group.MapPut("/{dashboardId:guid}", HandleAsync)
            .WithSummary("Replace a dashboard's name and widgets; 409 when someone saved it since the given version");

    internal static async Task<Results<Ok<DashboardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid dashboardId, ReplaceDashboardRequest request, DashboardsDb db, TimeProvider clock, CancellationToken ct)
    {
        var dashboard = await db.Dashboards.Include(d => d.Widgets).FirstOrDefaultAsync(d => d.Id == dashboardId, ct);
        if (dashboard is null) return Problems.NotFound("Dashboard");

        var errors = new FieldErrors();
        WidgetValidation.CheckName(errors, request.Name, request.Description);
        if (request.Version is null) errors.Add("version", "Send the version of the dashboard you changed.");
        if (request.Widgets is null) errors.Add("widgets", "Send the widget list (empty for none).");
        var widgets = WidgetValidation.Check(errors, request.Widgets);
        CheckIds(errors, request.Widgets, dashboard);
        if (errors.Any) return errors.ToResult();
        if (request.Version != dashboard.Version)
        {
            return Problems.Conflict("The dashboard changed meanwhile",
                $"Someone saved this dashboard after you opened it (version {dashboard.Version}, yours {request.Version}). Reload it and make your change again.");
        }

        var existing = dashboard.Widgets.ToDictionary(w => w.Id);
        var kept = new List<Widget>();
        for (var i = 0; i < widgets.Count; i++)
        {
            if (request.Widgets![i]!.Id is { } id && existing.TryGetValue(id, out var widget)) kept.Add(widgets[i].CopyTo(widget, i));
            else kept.Add(db.Widgets.Add(widgets[i].ToWidget(householdId, dashboard.Id, i)).Entity); // Added, not taken for a changed row by its set key
        }
        foreach (var gone in dashboard.Widgets.Except(kept).ToList()) db.Widgets.Remove(gone);
        dashboard.Widgets = kept;
        dashboard.Name = request.Name!.Trim();
        dashboard.Description = WidgetValidation.Clean(request.Description);
        dashboard.Version++;
        dashboard.UpdatedAt = StoredTime.Now(clock);
        // Version is a concurrency token: of two saves from the same version, the second's UPDATE matches no row (409).
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(dashboard.ToResponse());
    }

    /// <summary>A given id must be one of this dashboard's widgets, and at most once: ids are never taken from another
    /// dashboard (nor household).</summary>
    private static void CheckIds(FieldErrors errors, WidgetRequest?[]? widgets, Dashboard dashboard)
    {
        if (widgets is null || widgets.Length > WidgetVocabulary.MaxWidgets) return;
        var seen = new HashSet<Guid>();
        for (var i = 0; i < widgets.Length; i++)
        {
            if (widgets[i]?.Id is not { } id || id == Guid.Empty) continue;
            if (dashboard.Widgets.All(w => w.Id != id)) errors.Add($"widgets[{i}].id", "This is not a widget of this dashboard; leave id out for a new widget.");
            else if (!seen.Add(id)) errors.Add($"widgets[{i}].id", "This widget is in the list twice.");
        }
    }
}
