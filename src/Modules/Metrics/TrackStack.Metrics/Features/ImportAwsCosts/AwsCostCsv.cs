using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Metrics.Features.ImportAwsCosts;

/// <summary>What an AWS cost file holds: the cost of each service on each (UTC) day, and the currency.</summary>
internal sealed record AwsCosts(string Layout, string Currency, IReadOnlyDictionary<(DateOnly Day, string Service), double> ByDay);

/// <summary>Reads the AWS cost files people have at hand: a Cost and Usage Report (legacy "lineItem/..." or CUR 2.0
/// "line_item_..." columns, one row per line item) and Cost Explorer's "Download CSV" grouped by Service, wide (a
/// "Service" column of dates, one "Name($)" column per service, "Total costs($)", a "Service total" row) or long
/// (date,service,cost). A day's lines are summed as they are: credits and refunds are negative and lower the day.
/// Tax is kept as its own service "Tax", as Cost Explorer shows it, so both kinds of file give the same figures.</summary>
internal static class AwsCostCsv
{
    public const int MaxServiceLength = 100;
    public const int MaxDays = 5000;

    public const string ExpectedColumns =
        "a Cost and Usage Report (lineItem/UsageStartDate, lineItem/ProductCode or product/ProductName, lineItem/UnblendedCost; "
        + "CUR 2.0: line_item_usage_start_date, line_item_product_code, line_item_unblended_cost), "
        + "a Cost Explorer CSV grouped by Service (Service, one column per service, Total costs($)) "
        + "or date,service,cost";

    /// <summary>The costs, or the reason the file is not an AWS cost file (naming the columns expected).</summary>
    public static (AwsCosts? Costs, string? Error) Parse(TextReader text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false };
        using var csv = new CsvParser(text, config);
        if (!csv.Read() || csv.Record is not { Length: > 0 } header) return (null, "The file is empty. Expected " + ExpectedColumns + ".");
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        int Find(params string[] candidates) => Array.FindIndex(names, n => candidates.Any(c => n.Equals(c, StringComparison.OrdinalIgnoreCase)));

        var start = Find("lineItem/UsageStartDate", "line_item_usage_start_date");
        var cost = Find("lineItem/UnblendedCost", "line_item_unblended_cost");
        if (start >= 0 && cost >= 0)
        {
            var name = Find("product/ProductName", "product_product_name");
            var code = Find("lineItem/ProductCode", "line_item_product_code");
            if (name < 0 && code < 0) return (null, "The Cost and Usage Report has no lineItem/ProductCode or product/ProductName column.");
            return LineItems(csv, names[start].Contains('/') ? "cur" : "cur2", start, cost, name, code,
                Find("lineItem/LineItemType", "line_item_line_item_type"), Find("lineItem/CurrencyCode", "line_item_currency_code"));
        }
        if (names[0].Equals("Service", StringComparison.OrdinalIgnoreCase) && names.Length > 1) return Wide(csv, names);
        var (date, service, amount) = (Find("date", "day", "usage_date"), Find("service"), Find("cost", "amount", "unblended_cost"));
        if (date >= 0 && service >= 0 && amount >= 0) return Long(csv, date, service, amount);
        return (null, "These columns are not an AWS cost file. Expected " + ExpectedColumns + ".");
    }

    private static (AwsCosts?, string?) LineItems(CsvParser csv, string layout, int start, int cost, int name, int code, int type, int currency)
    {
        var sums = new Dictionary<(DateOnly, string), double>();
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var row = csv.Record ?? [];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var line = csv.Row;
            if (!DateTimeOffset.TryParse(Field(row, start), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                return (null, $"Line {line}: '{Field(row, start)}' is not a date and time.");
            if (!TryAmount(Field(row, cost), out var value)) return (null, $"Line {line}: '{Field(row, cost)}' is not a cost.");
            var service = Field(row, type).Equals("Tax", StringComparison.OrdinalIgnoreCase) ? "Tax"
                : Field(row, name) is { Length: > 0 } product ? product : Field(row, code);
            if (service.Length == 0) return (null, $"Line {line}: the line item names no service.");
            if (Field(row, currency) is { Length: > 0 } c) currencies.Add(c.ToUpperInvariant());
            var error = Add(sums, DateOnly.FromDateTime(at.UtcDateTime), service, value, line);
            if (error is not null) return (null, error);
        }
        if (currencies.Count > 1) return (null, $"The file mixes currencies ({string.Join(", ", currencies.Order())}); import one currency at a time.");
        return Done(layout, currencies.FirstOrDefault() ?? "USD", sums);
    }

    private static (AwsCosts?, string?) Wide(CsvParser csv, string[] names)
    {
        // "EC2-Instances($)": the name, and the currency in brackets; "Total costs($)" is the sum of the others.
        var columns = new List<(int Index, string Service)>();
        string? currency = null;
        for (var i = 1; i < names.Length; i++)
        {
            var n = names[i];
            var open = n.LastIndexOf('(');
            if (open > 0 && n.EndsWith(')'))
            {
                currency ??= n[(open + 1)..^1] is "$" ? "USD" : n[(open + 1)..^1].ToUpperInvariant();
                n = n[..open].Trim();
            }
            if (n.Length == 0 || n.Equals("Total costs", StringComparison.OrdinalIgnoreCase)) continue;
            columns.Add((i, n));
        }
        if (columns.Count == 0) return (null, "The Cost Explorer file has no service columns. Expected " + ExpectedColumns + ".");
        var sums = new Dictionary<(DateOnly, string), double>();
        while (csv.Read())
        {
            var row = csv.Record ?? [];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var first = Field(row, 0);
            if (first.Equals("Service total", StringComparison.OrdinalIgnoreCase)) continue;
            if (!TryDay(first, out var day)) return (null, $"Line {csv.Row}: '{first}' is not a date.");
            foreach (var (index, service) in columns)
            {
                var cell = Field(row, index);
                if (cell.Length == 0) continue;
                if (!TryAmount(cell, out var value)) return (null, $"Line {csv.Row}: '{cell}' is not a cost.");
                var error = Add(sums, day, service, value, csv.Row);
                if (error is not null) return (null, error);
            }
        }
        return Done("cost-explorer", currency ?? "USD", sums);
    }

    private static (AwsCosts?, string?) Long(CsvParser csv, int date, int service, int amount)
    {
        var sums = new Dictionary<(DateOnly, string), double>();
        while (csv.Read())
        {
            var row = csv.Record ?? [];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            if (!TryDay(Field(row, date), out var day)) return (null, $"Line {csv.Row}: '{Field(row, date)}' is not a date.");
            if (!TryAmount(Field(row, amount), out var value)) return (null, $"Line {csv.Row}: '{Field(row, amount)}' is not a cost.");
            if (Field(row, service) is not { Length: > 0 } name) return (null, $"Line {csv.Row}: the service is empty.");
            var error = Add(sums, day, name, value, csv.Row);
            if (error is not null) return (null, error);
        }
        return Done("long", "USD", sums);
    }

    private static string? Add(Dictionary<(DateOnly, string), double> sums, DateOnly day, string service, double value, int line)
    {
        if (day.Year < 2000 || day.Year > 2100) return $"Line {line}: {day:yyyy-MM-dd} is not a plausible billing day.";
        service = service.Length > MaxServiceLength ? service[..MaxServiceLength] : service;
        if (!sums.ContainsKey((day, service)) && sums.Count >= MaxDays * 20) return "The file has too many days and services; import a year at a time.";
        sums[(day, service)] = sums.GetValueOrDefault((day, service)) + value;
        return null;
    }

    private static (AwsCosts?, string?) Done(string layout, string currency, Dictionary<(DateOnly, string), double> sums) =>
        sums.Count == 0 ? (null, "The file has no cost lines.")
        : sums.Keys.Select(k => k.Item1).Distinct().Count() > MaxDays ? (null, $"The file covers more than {MaxDays} days; import a year at a time.")
        : (new AwsCosts(layout, currency, sums), null);

    private static string Field(string[] row, int index) => index >= 0 && index < row.Length ? row[index].Trim() : "";

    private static bool TryAmount(string text, out double value) =>
        double.TryParse(text.Replace("$", "", StringComparison.Ordinal), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value) && Math.Abs(value) < 1e12;

    private static bool TryDay(string text, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/MM/dd", "MM/dd/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return true;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            day = DateOnly.FromDateTime(at.UtcDateTime);
            return true;
        }
        return false;
    }
}
