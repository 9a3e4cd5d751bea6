namespace TrackStack.Dashboards.Domain;

/// <summary>The words a widget definition may use, as they are on the wire and in the database.</summary>
internal static class WidgetVocabulary
{
    public static readonly string[] Kinds = ["number", "line", "area", "bar", "table", "progress"];
    public static readonly string[] Aggregations = ["sum", "avg", "count", "min", "max", "last"];
    public static readonly string[] Buckets = ["minute", "hour", "day", "week", "month"];

    /// <summary>Relative to the client's today in the household's zone; "this-week" starts on Monday, "this-season"
    /// is the heating year from 1 July to 30 June (the one degree days are counted in).</summary>
    public static readonly string[] Ranges =
    [
        "today", "last-7-days", "last-30-days", "last-90-days", "last-12-months",
        "this-week", "this-month", "last-month", "this-year", "this-season",
    ];

    public const int MinWidth = 1;
    public const int MaxWidth = 4;
    public const int MaxTitleLength = 100;
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 500;
    public const int MaxWidgets = 50;
    public const int MaxDashboards = 100;
    public const int MaxFilters = 20;

    /// <summary>Targets beyond this say nothing a dashboard can show, and keep "target − value" finite.</summary>
    public const double MaxAbsTarget = 1e15;
}
