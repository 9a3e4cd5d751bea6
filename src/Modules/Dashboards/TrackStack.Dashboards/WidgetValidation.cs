using TrackStack.Metrics.Contracts;

namespace TrackStack.Dashboards;

/// <summary>Checks widgets and dashboard names, naming each bad field by its path ("widgets[2].query.metric") so
/// the editor can put the message next to it and an imported file says where it is wrong.</summary>
internal static class WidgetValidation
{
    public static void CheckName(FieldErrors errors, string? name, string? description, string prefix = "")
    {
        if (string.IsNullOrWhiteSpace(name)) errors.Add(prefix + "name", "Give the dashboard a name.");
        else if (name.Trim().Length > WidgetVocabulary.MaxNameLength) errors.Add(prefix + "name", $"A name has at most {WidgetVocabulary.MaxNameLength} characters.");
        else if (name.Any(char.IsControl)) errors.Add(prefix + "name", "A name cannot hold control characters.");
        if (description is not null && description.Trim().Length > WidgetVocabulary.MaxDescriptionLength)
            errors.Add(prefix + "description", $"A description has at most {WidgetVocabulary.MaxDescriptionLength} characters.");
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The checked widgets in order, or errors. Past the widget limit nothing else is checked: a huge
    /// list gets one message, not thousands.</summary>
    public static List<WidgetDefinition> Check(FieldErrors errors, IReadOnlyList<WidgetRequest?>? widgets, string field = "widgets")
    {
        var result = new List<WidgetDefinition>();
        if (widgets is null) return result;
        if (widgets.Count > WidgetVocabulary.MaxWidgets)
        {
            errors.Add(field, $"A dashboard has at most {WidgetVocabulary.MaxWidgets} widgets; this one has {widgets.Count}.");
            return result;
        }
        for (var i = 0; i < widgets.Count; i++)
        {
            if (Check(errors, widgets[i], $"{field}[{i}]") is { } widget) result.Add(widget);
        }
        return result;
    }

    private static WidgetDefinition? Check(FieldErrors errors, WidgetRequest? w, string at)
    {
        if (w is null)
        {
            errors.Add(at, "A widget is required here.");
            return null;
        }
        var before = errors.ToDictionary().Count;
        errors.Check(w.Id != Guid.Empty, $"{at}.id", "id must not be the empty UUID.");
        OneOf(errors, w.Kind, WidgetVocabulary.Kinds, $"{at}.kind");
        if (string.IsNullOrWhiteSpace(w.Title)) errors.Add($"{at}.title", "Give the widget a title.");
        else if (w.Title.Trim().Length > WidgetVocabulary.MaxTitleLength) errors.Add($"{at}.title", $"A title has at most {WidgetVocabulary.MaxTitleLength} characters.");
        else if (w.Title.Any(char.IsControl)) errors.Add($"{at}.title", "A title cannot hold control characters.");
        if (w.Width is not (>= WidgetVocabulary.MinWidth and <= WidgetVocabulary.MaxWidth))
            errors.Add($"{at}.width", $"width is a number of columns from {WidgetVocabulary.MinWidth} to {WidgetVocabulary.MaxWidth}.");
        if (w.Target is { } target && !(double.IsFinite(target) && Math.Abs(target) <= WidgetVocabulary.MaxAbsTarget))
            errors.Add($"{at}.target", "target must be a finite number between -1e15 and 1e15.");
        if (w.Kind == "progress" && w.Target is null) errors.Add($"{at}.target", "A progress widget needs a target.");

        var q = w.Query;
        if (q is null) errors.Add($"{at}.query", "A widget needs a query.");
        else CheckQuery(errors, q, $"{at}.query");
        if (errors.ToDictionary().Count != before) return null;

        return new WidgetDefinition(w.Kind!, w.Title!.Trim(), w.Width!.Value, q!.Metric!, q.Agg!, q.Bucket!, q.Range!,
            q.GroupBy, q.Where ?? [], q.Product, w.Target);
    }

    private static void CheckQuery(FieldErrors errors, WidgetQueryRequest q, string at)
    {
        errors.Check(MetricNames.IsName(q.Metric), $"{at}.metric", "Name the metric. " + MetricNames.NameRule);
        OneOf(errors, q.Agg, WidgetVocabulary.Aggregations, $"{at}.agg");
        OneOf(errors, q.Bucket, WidgetVocabulary.Buckets, $"{at}.bucket");
        OneOf(errors, q.Range, WidgetVocabulary.Ranges, $"{at}.range");
        errors.Check(q.GroupBy is null || MetricNames.IsName(q.GroupBy), $"{at}.groupBy", "Name a tag key to group by. " + MetricNames.NameRule);
        errors.Check(q.Product != Guid.Empty, $"{at}.product", "product must not be the empty UUID.");
        if (q.Where is not { } where) return;
        if (where.Length > WidgetVocabulary.MaxFilters)
        {
            errors.Add($"{at}.where", $"A widget has at most {WidgetVocabulary.MaxFilters} filters.");
            return;
        }
        for (var i = 0; i < where.Length; i++)
        {
            var filter = where[i];
            var colon = filter?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            if (colon <= 0 || !MetricNames.IsName(filter![..colon]) || !MetricNames.IsTagValue(filter[(colon + 1)..]))
                errors.Add($"{at}.where[{i}]", "A filter is tag:value, the tag named by the metric name rule and the value 1 to 500 characters.");
        }
    }

    private static void OneOf(FieldErrors errors, string? value, string[] allowed, string field)
    {
        if (value is null || !allowed.Contains(value, StringComparer.Ordinal))
            errors.Add(field, $"{field[(field.LastIndexOf('.') + 1)..]} must be one of {string.Join(", ", allowed)}.");
    }
}
