namespace TrackStack.Dashboards.Contracts;

/// <summary>Reads a dashboard's definition for a module in the same process (Reports renders it into an e-mail).
/// The caller has entered the household's scope; another household's id answers null, like an unknown one.</summary>
public interface IDashboardReader
{
    Task<DashboardSnapshot?> GetAsync(Guid householdId, Guid dashboardId, CancellationToken ct);
}

public sealed record DashboardSnapshot(Guid Id, string Name, IReadOnlyList<WidgetSnapshot> Widgets);

/// <summary>A widget as the dashboard stores it (kinds: number, line, area, bar, table, progress).</summary>
public sealed record WidgetSnapshot(
    string Kind, string Title, string Metric, string Agg, string Bucket, string Range,
    string? GroupBy, IReadOnlyList<string> Filters, Guid? ProductId, double? Target);
