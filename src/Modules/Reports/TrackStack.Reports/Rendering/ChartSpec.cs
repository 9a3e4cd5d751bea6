namespace TrackStack.Reports.Rendering;

/// <summary>The chart widget kinds a report draws (the dashboard's "line", "bar" and "area"). Bars are stacked by
/// series, as on the dashboard; areas are filled from zero, one per series.</summary>
internal enum ChartKind { Line, Bar, Area }

/// <summary>A widget's bucket, as in the Metrics query (minute … month): it decides the time labels and a bar's width.</summary>
internal enum ChartBucket { Minute, Hour, Day, Week, Month }

/// <summary>One bucket of a series: its start as the household's local time with its offset (as Metrics answers
/// it), and its value.</summary>
internal readonly record struct ChartPoint(DateTimeOffset Time, double Value);

/// <summary>One series of a chart; its name is the legend's (a tag value when the widget is grouped).</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

/// <summary>What one chart widget of a report shows, and how large: <see cref="Width"/> × <see cref="Height"/> are the
/// e-mail's CSS pixels; the PNG has <see cref="Scale"/> times as many on each side, so it stays sharp on a
/// high-density screen. <see cref="Culture"/> formats the numbers and times of the axes (the household's locale).
/// <see cref="Bucket"/> is inferred from the points' spacing when not given.</summary>
internal sealed record ChartSpec(string Title, ChartKind Kind, string Unit, IReadOnlyList<ChartSeries> Series, CultureInfo Culture)
{
    public const int MinSide = 100;
    public const int MaxSide = 2000;
    public const string DefaultEmptyText = "No data in this period";

    public int Width { get; init; } = 600;
    public int Height { get; init; } = 300;

    /// <summary>Device pixels per CSS pixel, 1 to 3.</summary>
    public int Scale { get; init; } = 2;

    public ChartBucket? Bucket { get; init; }

    /// <summary>The widget's target, drawn as a dashed line.</summary>
    public double? Target { get; init; }

    /// <summary>What an empty chart says, in the household's language.</summary>
    public string EmptyText { get; init; } = DefaultEmptyText;
}
