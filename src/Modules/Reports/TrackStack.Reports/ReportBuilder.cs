using System.Diagnostics;
using TrackStack.Dashboards.Contracts;
using TrackStack.Metrics.Contracts;
using TrackStack.Reports.Rendering;

namespace TrackStack.Reports;

/// <summary>One widget of a built report: its figure in words, its chart (chart widgets) and the data behind both.</summary>
internal sealed record BuiltWidget(string Title, string Kind, string Words, byte[]? Png, ReportCsvWidget Data);

/// <summary>A dashboard's widgets (or a digest's figures) over one period, ready to be put into e-mails. The words
/// around them are a dashboard report's unless a digest says otherwise.</summary>
internal sealed record BuiltReport(
    Guid DashboardId, string DashboardName, DateOnly FirstDay, string PeriodLabel, IReadOnlyList<BuiltWidget> Widgets, byte[] Csv, CultureInfo Culture, TimeSpan BuildTime)
{
    public string CsvNote { get; init; } = "The data of every widget is attached as CSV.";
    public string LinkText { get; init; } = "Open the dashboard";
    public string Reason { get; init; } = "You receive this report as a member of the household.";

    /// <summary>"1 Nov 2026" for one day, else "26/10/2026 – 01/11/2026" in the culture's short dates.</summary>
    public static string Period(DateOnly firstDay, DateOnly lastDay, CultureInfo culture) => firstDay == lastDay
        ? firstDay.ToString("D", culture)
        : $"{firstDay.ToString("d", culture)} – {lastDay.ToString("d", culture)}";
}

/// <summary>Reads a dashboard and its widgets' figures for a period through the Dashboards and Metrics ports, and
/// draws the charts. The ports are in-process: the Reports module runs in the same process as both (ADR 26).</summary>
internal sealed class ReportBuilder(IServiceProvider services)
{
    public const string NeedsModules = "The Reports module needs the Dashboards and Metrics modules in the same process (--modules metrics,dashboards,reports).";

    /// <summary>More points than this make an unreadable chart: the bucket grows until they fit.</summary>
    private const int MaxChartPoints = 400;

    /// <param name="only">The positions of the widgets to include (a schedule's chosen widgets); null for all.</param>
    public async Task<BuiltReport?> BuildAsync(Guid householdId, Guid dashboardId, DateTime fromUtc, DateTime toUtc, DateOnly firstDay, DateOnly lastDay,
        HouseholdContext context, CancellationToken ct, IReadOnlyList<int>? only = null)
    {
        var started = Stopwatch.GetTimestamp();
        var dashboards = services.GetService<IDashboardReader>() ?? throw new InvalidOperationException(NeedsModules);
        var metrics = services.GetService<IMetricsReader>() ?? throw new InvalidOperationException(NeedsModules);
        var dashboard = await dashboards.GetAsync(householdId, dashboardId, ct);
        if (dashboard is null) return null;

        var culture = Culture(context.Locale);
        var from = new DateTimeOffset(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc));
        var to = new DateTimeOffset(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc));
        var widgets = new List<BuiltWidget>();
        // A position beyond the dashboard's widgets (it lost some since) is left out.
        foreach (var w in only is null ? dashboard.Widgets : dashboard.Widgets.Where((_, i) => only.Contains(i)))
        {
            var chart = w.Kind is "line" or "bar" or "area";
            var bucket = Bucket(w.Bucket, toUtc - fromUtc, chart);
            var groupBy = w.Kind is "number" or "progress" ? null : w.GroupBy;
            var set = await metrics.QueryAsync(householdId, new MetricQuery(w.Metric, from, to, bucket, w.Agg, groupBy, w.Filters, w.ProductId), ct);
            var unit = w.Metric.StartsWith("expenses.", StringComparison.Ordinal) ? context.Currency : "";
            // The CSV leaves an ungrouped series' name empty; the chart's legend names it by the widget.
            var data = new ReportCsvWidget(w.Title, w.Metric, set.Series
                .Select(s => new ChartSeries(s.Group ?? "", s.Points.Select(p => new ChartPoint(p.Start, p.Value)).ToList())).ToList());
            var series = data.Series.Select(s => s.Name.Length == 0 ? s with { Name = w.Title } : s).ToList();
            var words = Words(w, set, unit, culture);
            byte[]? png = null;
            if (chart)
            {
                var kind = w.Kind switch { "bar" => ChartKind.Bar, "area" => ChartKind.Area, _ => ChartKind.Line };
                png = ChartRenderer.RenderPng(new ChartSpec(w.Title, kind, unit, series, culture)
                {
                    Bucket = Enum.Parse<ChartBucket>(bucket, ignoreCase: true),
                    Target = w.Target,
                });
            }
            widgets.Add(new BuiltWidget(w.Title, w.Kind, words, png, data));
        }
        return new BuiltReport(dashboard.Id, dashboard.Name, firstDay, BuiltReport.Period(firstDay, lastDay, culture), widgets, ReportCsv.ToBytes(widgets.Select(x => x.Data)), culture,
            Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The widget's bucket, made larger when the period holds too many of them for a chart (or for the
    /// query's limit), and for a chart smaller when the period holds fewer than two.</summary>
    internal static string Bucket(string widgetBucket, TimeSpan period, bool chart)
    {
        string[] order = ["minute", "hour", "day", "week", "month"];
        TimeSpan[] lengths = [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7), TimeSpan.FromDays(30)];
        var i = Math.Max(0, Array.IndexOf(order, widgetBucket));
        while (i < order.Length - 1 && period / lengths[i] > MaxChartPoints) i++;
        if (chart) while (i > 0 && period / lengths[i] < 2) i--;
        return order[i];
    }

    /// <summary>The figure a widget shows over the whole period, as a sentence: "412.30 EUR (sum of expenses.spent)".</summary>
    private static string Words(WidgetSnapshot w, MetricSeriesSet set, string unit, CultureInfo culture)
    {
        string Format(double v) => (unit.Length > 0 ? v.ToString("N2", culture) + " " + unit : v.ToString("#,##0.##", culture));
        var what = $"{w.Agg} of {w.Metric}";
        var points = set.Series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0) return $"No data in this period ({what}).";
        if (w.Kind == "table" || (set.Series.Count > 1 && w.Kind != "number" && w.Kind != "progress"))
        {
            var rows = set.Series.Select(s => (Name: s.Group ?? w.Title, Value: Combine(w.Agg, s.Points))).Where(r => r.Value is not null)
                .OrderByDescending(r => r.Value).Select(r => $"{r.Name}: {Format(r.Value!.Value)}");
            return $"{string.Join("; ", rows)} ({what}).";
        }
        var total = Combine(w.Agg, points)!.Value;
        if (w.Kind == "progress" && w.Target is { } target && target != 0)
            return $"{Format(total)} of {Format(target)} ({(total / target).ToString("P0", culture)}; {what}).";
        var text = $"{Format(total)} ({what}).";
        if (w.Kind is "line" or "bar" or "area" && points.Count > 1)
        {
            var top = points.MaxBy(p => p.Value)!;
            text += $" Highest: {Format(top.Value)} in the bucket of {top.Start.ToString("g", culture)}.";
        }
        return text;
    }

    /// <summary>A period's figure from its buckets: sums and counts add up, an average weighs each bucket by its
    /// points, min and max are the extremes and last is the latest bucket's.</summary>
    internal static double? Combine(string agg, IReadOnlyList<MetricPoint> points)
    {
        if (points.Count == 0) return null;
        return agg switch
        {
            "sum" or "count" => points.Sum(p => p.Value),
            "min" => points.Min(p => p.Value),
            "max" => points.Max(p => p.Value),
            "last" => points.MaxBy(p => p.Start)!.Value,
            "avg" => points.Sum(p => p.Count) is var n && n > 0 ? points.Sum(p => p.Value * p.Count) / n : points.Average(p => p.Value),
            _ => points.Sum(p => p.Value),
        };
    }

    internal static CultureInfo Culture(string? locale)
    {
        try { return CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(locale) ? "en-GB" : locale); }
        catch (CultureNotFoundException) { return CultureInfo.GetCultureInfo("en-GB"); }
    }
}
