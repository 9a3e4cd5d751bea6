using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace TrackStack.Reports.Rendering;

/// <summary>A chart widget as a PNG for a report e-mail, drawn on the server by ScottPlot on Skia (ADR 28): the light
/// palette of the dashboard, the title on top, the unit on the y axis, the household's local times on the x axis
/// (each point's own offset), numbers and dates in its culture, a legend below when there is more than one series
/// or a target. An empty chart is a valid PNG that says so. The same spec gives the same pixels.</summary>
internal static class ChartRenderer
{
    // The light theme's palette (web/packages/charts/src/charts.css): e-mail is read on white.
    private static readonly Color[] Palette =
        [.. new[] { "#1f5fbf", "#12784a", "#8a6300", "#c1302a", "#7b3fb0", "#00778a", "#b35a00", "#56606b" }.Select(Color.FromHex)];

    private static readonly Color Ink = Color.FromHex("#1f2328");
    private static readonly Color Muted = Color.FromHex("#56606b");
    private static readonly Color GridLine = Color.FromHex("#e3e6ea");
    private static readonly Color TargetColor = Color.FromHex("#8a6300");

    /// <summary>The share of a bucket a bar fills, as on the dashboard.</summary>
    private const double BarWidthFactor = 0.7;

    /// <summary>Roughly the room one x label needs, in CSS pixels.</summary>
    private const int PixelsPerTimeLabel = 90;

    // A sans-serif face found among the host's fonts (Skia's NoDependencies build reads /usr/share/fonts without
    // fontconfig); ScottPlot's own pick here would be a serif. Null leaves ScottPlot's choice.
    private static readonly Lazy<string?> SansFont = new(() =>
    {
        string[] preferred = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Lato", "Arial", "Helvetica"];
        var families = SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return preferred.FirstOrDefault(families.Contains);
    });

    public static byte[] RenderPng(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Width, ChartSpec.MinSide, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Width, ChartSpec.MaxSide, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Height, ChartSpec.MinSide, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Height, ChartSpec.MaxSide, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Scale, 1, nameof(spec));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Scale, 3, nameof(spec));

        var plot = new Plot { ScaleFactor = spec.Scale };
        try
        {
            Style(plot, spec);
            var (times, columns) = ChartData.Align(spec.Series);
            if (times.Length == 0) DrawEmpty(plot, spec);
            else Draw(plot, spec, times, columns);
            return plot.GetImageBytes(spec.Width * spec.Scale, spec.Height * spec.Scale, ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }

    private static void Style(Plot plot, ChartSpec spec)
    {
        if (SansFont.Value is { } font) plot.Font.Set(font, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Muted);
        plot.Grid.MajorLineColor = GridLine;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Axes.Left.FrameLineStyle.Color = GridLine;
        plot.Axes.Bottom.FrameLineStyle.Color = Muted;

        plot.Title(spec.Title, 15);
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        if (!string.IsNullOrWhiteSpace(spec.Unit))
        {
            plot.YLabel(spec.Unit, 12);
            plot.Axes.Left.Label.Bold = false;
            plot.Axes.Left.Label.ForeColor = Muted;
        }
    }

    private static void DrawEmpty(Plot plot, ChartSpec spec)
    {
        // No axes to read; the message in the middle of where the data would be.
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Left.FrameLineStyle.Width = 0;
        plot.Axes.Bottom.FrameLineStyle.Width = 0;
        plot.HideGrid();
        var note = plot.Add.Annotation(spec.EmptyText, Alignment.MiddleCenter);
        note.LabelStyle.FontSize = 14;
        note.LabelStyle.ForeColor = Muted;
        note.LabelStyle.BackgroundColor = Colors.Transparent;
        note.LabelStyle.BorderWidth = 0;
        note.LabelStyle.ShadowColor = Colors.Transparent;
        if (SansFont.Value is { } font) note.LabelStyle.FontName = font;
    }

    private static void Draw(Plot plot, ChartSpec spec, DateTimeOffset[] times, double?[][] columns)
    {
        var bucket = spec.Bucket ?? ChartData.InferBucket(times);
        // The x coordinate is the household's clock time (the point's own offset), never the server's zone.
        var xs = times.Select(t => t.DateTime.ToOADate()).ToArray();
        var bucketDays = BucketDays(xs, bucket);

        var drawn = spec.Kind == ChartKind.Bar ? ChartData.Stack(columns) : columns;
        var (yMin, yMax) = ChartData.ValueRange(drawn, spec.Target, fromZero: spec.Kind != ChartKind.Line);

        for (var i = 0; i < columns.Length; i++)
        {
            var color = Palette[i % Palette.Length];
            var name = spec.Series[i].Name;
            if (spec.Kind == ChartKind.Bar) AddBars(plot, xs, columns[i], drawn, i, bucketDays * BarWidthFactor, color, name);
            else AddLine(plot, xs, columns[i], color, name, filled: spec.Kind == ChartKind.Area);
        }

        if (spec.Target is { } target && double.IsFinite(target))
        {
            var line = plot.Add.HorizontalLine(target, 1.5f, TargetColor, LinePattern.Dashed);
            line.LegendText = "Target";
        }

        var severalDays = times[^1].DateTime.Date != times[0].DateTime.Date;
        var maxTicks = Math.Max(2, spec.Width / PixelsPerTimeLabel);
        var ticks = new List<Tick>();
        DateTime? lastDay = null;
        foreach (var i in ChartData.TickIndexes(xs.Length, maxTicks))
        {
            // On an hourly chart over several days, the day is named at its first tick only.
            var day = times[i].DateTime.Date;
            ticks.Add(Tick.Major(xs[i], ChartData.TimeLabel(times[i], bucket, severalDays && day != lastDay, spec.Culture)));
            lastDay = day;
        }
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            LabelFormatter = v => ChartData.ValueLabel(v, spec.Culture),
            TargetTickCount = Math.Max(3, spec.Height / 60),
        };

        var half = spec.Kind == ChartKind.Bar ? bucketDays * 0.6 : Math.Max((xs[^1] - xs[0]) * 0.02, bucketDays / 4);
        plot.Axes.SetLimits(xs[0] - half, xs[^1] + half, yMin, yMax);

        if (columns.Length > 1 || spec.Target is not null)
        {
            var panel = plot.ShowLegend(Edge.Bottom);
            panel.Padding = new PixelPadding(0, 0, 4, 0);
            plot.Legend.Margin = PixelPadding.Zero;
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.OutlineWidth = 0;
            plot.Legend.BackgroundColor = Colors.Transparent;
            plot.Legend.ShadowColor = Colors.Transparent;
            plot.Legend.FontSize = 11;
            plot.Legend.FontColor = Ink;
            if (SansFont.Value is { } font) plot.Legend.FontName = font;
        }
        else
        {
            plot.HideLegend();
        }
    }

    private static void AddLine(Plot plot, double[] xs, double?[] column, Color color, string name, bool filled)
    {
        var px = new List<double>();
        var py = new List<double>();
        for (var j = 0; j < xs.Length; j++)
        {
            if (column[j] is not { } v) continue;
            px.Add(xs[j]);
            py.Add(v);
        }
        if (px.Count == 0) return;
        var scatter = plot.Add.Scatter(px.ToArray(), py.ToArray(), color);
        scatter.LegendText = name;
        scatter.LineWidth = 2;
        // A line through one value is no line: a lone point shows as a dot; a short series marks its points.
        scatter.MarkerSize = px.Count == 1 ? 7 : px.Count <= 31 ? 4 : 0;
        if (filled)
        {
            scatter.FillY = true;
            scatter.FillYValue = 0;
            scatter.FillYColor = color.WithAlpha(0.22);
        }
    }

    private static void AddBars(Plot plot, double[] xs, double?[] column, double?[][] stacked, int i, double width, Color color, string name)
    {
        var bars = new List<Bar>();
        for (var j = 0; j < xs.Length; j++)
        {
            if (column[j] is null || stacked[i][j] is not { } top) continue;
            var bottom = i == 0 ? 0 : stacked[i - 1][j] ?? 0;
            bars.Add(new Bar { Position = xs[j], ValueBase = bottom, Value = top, Size = width, FillColor = color, LineWidth = 0 });
        }
        if (bars.Count == 0) return;
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = name;
    }

    /// <summary>A bucket's length in days (the x unit): the smallest gap between two buckets, or the bucket's
    /// nominal length when there is one bucket only.</summary>
    private static double BucketDays(double[] xs, ChartBucket bucket)
    {
        var gap = double.PositiveInfinity;
        for (var i = 1; i < xs.Length; i++)
        {
            var d = xs[i] - xs[i - 1];
            if (d > 0 && d < gap) gap = d;
        }
        if (double.IsFinite(gap)) return gap;
        return bucket switch
        {
            ChartBucket.Minute => 1.0 / 1440,
            ChartBucket.Hour => 1.0 / 24,
            ChartBucket.Day => 1,
            ChartBucket.Week => 7,
            _ => 30,
        };
    }
}
