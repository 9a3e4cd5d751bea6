namespace TrackStack.Dashboards;

/// <summary>The format marker of an exported dashboard file; an import refuses any other format or version.</summary>
internal static class DashboardDocuments
{
    public const string Format = "trackstack.dashboard";
    public const int Version = 1;
}
