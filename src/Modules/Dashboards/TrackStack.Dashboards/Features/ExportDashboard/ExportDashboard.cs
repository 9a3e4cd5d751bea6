using System.Text;

namespace TrackStack.Dashboards.Features.ExportDashboard;

/// <summary>A dashboard as a file another household can import: the definitions, no ids.</summary>
public sealed record DashboardDocumentResponse(string Format, int FormatVersion, string Name, string? Description, IReadOnlyList<DocumentWidgetResponse> Widgets);

public sealed record DocumentWidgetResponse(string Kind, string Title, int Width, WidgetQueryResponse Query, double? Target);

internal static class ExportDashboard
{
    public static void MapExportDashboard(this RouteGroupBuilder group) =>
        group.MapGet("/{dashboardId:guid}/export", HandleAsync).WithSummary("A dashboard as a JSON document to import elsewhere");

    internal static async Task<Results<Ok<DashboardDocumentResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid dashboardId, HttpContext http, DashboardsDb db, CancellationToken ct)
    {
        var d = await db.Dashboards.AsNoTracking().Include(x => x.Widgets).FirstOrDefaultAsync(x => x.Id == dashboardId, ct);
        if (d is null) return Problems.NotFound("Dashboard");
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{Slug(d.Name)}.dashboard.json\"";
        var widgets = d.Widgets.OrderBy(w => w.Position).Select(w => new DocumentWidgetResponse(w.Kind, w.Title, w.Width, w.ToQuery(), w.Target)).ToList();
        return TypedResults.Ok(new DashboardDocumentResponse(DashboardDocuments.Format, DashboardDocuments.Version, d.Name, d.Description, widgets));
    }

    /// <summary>"Household at a glance" → "household-at-a-glance": ASCII letters and digits only, so the header needs
    /// no encoding; accents are dropped with their marks.</summary>
    internal static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= 60) break;
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "dashboard" : slug;
    }
}
