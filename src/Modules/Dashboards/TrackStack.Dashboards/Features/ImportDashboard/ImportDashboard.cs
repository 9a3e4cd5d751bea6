namespace TrackStack.Dashboards.Features.ImportDashboard;

/// <summary>An exported dashboard file. Widget ids, if any, are ignored: the import is a new dashboard.</summary>
public sealed record DashboardDocumentRequest(string? Format, int? FormatVersion, string? Name, string? Description, WidgetRequest?[]? Widgets);

internal static class ImportDashboard
{
    public static void MapImportDashboard(this RouteGroupBuilder group) =>
        group.MapPost("/import", HandleAsync).WithSummary("Create a dashboard from an exported document");

    internal static async Task<Results<Created<DashboardResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, DashboardDocumentRequest document, HttpContext http, DashboardsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(document.Format == DashboardDocuments.Format, "format", $"This is not a dashboard file (format must be \"{DashboardDocuments.Format}\").");
        errors.Check(document.FormatVersion == DashboardDocuments.Version, "formatVersion",
            $"formatVersion {document.FormatVersion?.ToString(CultureInfo.InvariantCulture) ?? "(missing)"} is not one this server reads (it reads {DashboardDocuments.Version}).");
        WidgetValidation.CheckName(errors, document.Name, document.Description);
        if (document.Widgets is null) errors.Add("widgets", "The file has no widget list.");
        // Ids are another household's: dropped before the check, which then only sees the definitions.
        var widgets = WidgetValidation.Check(errors, document.Widgets?.Select(w => w is null ? null : w with { Id = null }).ToList());
        if (errors.Any) return errors.ToResult("The dashboard file has invalid fields.");

        var dashboard = await NewDashboards.AddAsync(db, householdId, http.GetHouseholdAccess().UserId,
            document.Name!.Trim(), WidgetValidation.Clean(document.Description), widgets, StoredTime.Now(clock), ct);
        if (dashboard is null) return Problems.Conflict(NewDashboards.TooMany);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created(NewDashboards.Location(householdId, dashboard.Id), dashboard.ToResponse());
    }
}
