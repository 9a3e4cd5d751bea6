using System.Text;

namespace TrackStack.Heating.Features.ImportTemperatures;

internal sealed record CsvLineError(int Line, string Message);

internal sealed record TemperatureCsvResult(
    char Delimiter, bool HasHeader, string DateColumn, string? MeanColumn, string? MinColumn, string? MaxColumn,
    int DataLines, IReadOnlyList<(DateOnly Date, double MeanC)> Rows, IReadOnlyList<CsvLineError> Errors, int ErrorCount);

/// <summary>Reads daily temperatures from CSV: a date column and either a mean column or min and max columns
/// (mean = (min + max)/2). Delimiter , ; or tab (detected); a header row is detected when the first cell is not a
/// date. Without a header: date,mean or date,min,max. With ; or tab, a decimal comma is accepted.</summary>
internal static class TemperatureCsv
{
    public const int MaxErrorsListed = 100;

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "dd.MM.yyyy", "yyyy-M-d", "yyyy/M/d", "d.M.yyyy"];

    private static readonly char[] Delimiters = [';', '\t', ','];
    private static readonly string[] DateNames = ["date", "day", "datum", "time", "dt", "yyyymmdd", "timestamp"];
    private static readonly string[] MeanNames = ["mean", "meanc", "tavg", "tmean", "tg", "avg", "average", "temp", "temperature", "t"];
    private static readonly string[] MinNames = ["min", "tmin", "tn"];
    private static readonly string[] MaxNames = ["max", "tmax", "tx"];

    /// <summary>Parses the file. Returns (null, message) when the file as a whole cannot be read.</summary>
    public static (TemperatureCsvResult? Result, string? Fatal) Parse(TextReader reader, bool fahrenheit, int maxRows)
    {
        var lines = new List<(int Number, string Text)>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1) line = line.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#')) continue;
            lines.Add((number, line));
            if (lines.Count > maxRows + 1) return (null, $"The file has more than {maxRows} rows; split it.");
        }
        if (lines.Count == 0) return (null, "The file is empty.");

        var first = lines[0].Text;
        var delimiter = Delimiters.OrderByDescending(c => first.Count(x => x == c)).First();
        if (!first.Contains(delimiter, StringComparison.Ordinal)) return (null, "No delimiter found in the first line: separate columns with , or ;.");
        var decimalComma = delimiter != ',';

        var head = Split(first, delimiter);
        var hasHeader = ParseDate(head[0]) is null;
        int dateCol, meanCol = -1, minCol = -1, maxCol = -1;
        string[] names;
        if (hasHeader)
        {
            names = head.Select(h => h.Trim()).ToArray();
            var keys = names.Select(Key).ToArray();
            dateCol = Array.FindIndex(keys, k => DateNames.Contains(k) || k.Contains("date", StringComparison.Ordinal));
            if (dateCol < 0) return (null, $"No date column in the header ({string.Join(", ", names)}); name it 'date'.");
            meanCol = Find(keys, dateCol, k => MeanNames.Contains(k) || k.Contains("mean", StringComparison.Ordinal) || k.Contains("avg", StringComparison.Ordinal));
            minCol = Find(keys, dateCol, k => MinNames.Contains(k) || k.Contains("min", StringComparison.Ordinal));
            maxCol = Find(keys, dateCol, k => MaxNames.Contains(k) || k.Contains("max", StringComparison.Ordinal));
            if (meanCol < 0 && (minCol < 0 || maxCol < 0))
            {
                return (null, $"Need a mean column, or min and max columns; the header has {string.Join(", ", names)}.");
            }
            if (meanCol >= 0) minCol = maxCol = -1;
        }
        else
        {
            dateCol = 0;
            if (head.Length == 2) meanCol = 1;
            else { minCol = 1; maxCol = 2; }
            names = head.Length == 2 ? ["date", "mean"] : ["date", "min", "max"];
        }

        var rows = new List<(DateOnly, double)>();
        var errors = new List<CsvLineError>();
        var errorCount = 0;
        var seen = new Dictionary<DateOnly, int>();
        var dataLines = 0;
        foreach (var (lineNumber, text) in lines.Skip(hasHeader ? 1 : 0))
        {
            dataLines++;
            var error = ParseLine(text, lineNumber, out var row);
            if (error is not null)
            {
                errorCount++;
                if (errors.Count < MaxErrorsListed) errors.Add(new CsvLineError(lineNumber, error));
                continue;
            }
            seen[row.Date] = lineNumber;
            rows.Add(row);
        }
        if (dataLines > maxRows) return (null, $"The file has more than {maxRows} rows; split it.");
        return (new TemperatureCsvResult(delimiter, hasHeader, names[dateCol], meanCol >= 0 ? names[meanCol] : null,
            minCol >= 0 ? names[minCol] : null, maxCol >= 0 ? names[maxCol] : null, dataLines, rows, errors, errorCount), null);

        string? ParseLine(string text, int lineNumber, out (DateOnly Date, double MeanC) row)
        {
            row = default;
            var cells = Split(text, delimiter);
            var needed = new[] { dateCol, meanCol, minCol, maxCol }.Max();
            if (cells.Length <= needed) return $"expected at least {needed + 1} columns, found {cells.Length}.";
            if (ParseDate(cells[dateCol]) is not { } date) return $"'{cells[dateCol].Trim()}' is not a date (use yyyy-MM-dd).";
            double mean;
            if (meanCol >= 0)
            {
                if (ParseNumber(cells[meanCol], decimalComma) is not { } m) return $"'{cells[meanCol].Trim()}' is not a temperature.";
                mean = m;
            }
            else
            {
                if (ParseNumber(cells[minCol], decimalComma) is not { } min) return $"'{cells[minCol].Trim()}' is not a minimum temperature.";
                if (ParseNumber(cells[maxCol], decimalComma) is not { } max) return $"'{cells[maxCol].Trim()}' is not a maximum temperature.";
                if (min > max) return $"min {min} is above max {max}.";
                mean = (min + max) / 2;
            }
            if (fahrenheit) mean = (mean - 32) * 5 / 9;
            mean = Math.Round(mean, 2);
            if (mean is < -60 or > 60) return $"mean {mean.ToString(CultureInfo.InvariantCulture)} °C is outside -60..60 (Fahrenheit file? set temperatureUnit=f).";
            if (seen.TryGetValue(date, out var firstLine)) return $"{date:yyyy-MM-dd} appears again (first on line {firstLine}).";
            row = (date, mean);
            return null;
        }
    }

    private static int Find(string[] keys, int dateCol, Func<string, bool> match)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (i != dateCol && match(keys[i])) return i;
        }
        return -1;
    }

    /// <summary>"Temp_Max (°C)" → "temp_max".</summary>
    private static string Key(string name)
    {
        var n = name.Trim().Trim('"').ToLowerInvariant();
        var paren = n.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0) n = n[..paren];
        return n.Trim();
    }

    public static DateOnly? ParseDate(string text)
    {
        var t = text.Trim().Trim('"');
        if (t.Length > 10 && (t[10] == 'T' || t[10] == ' ')) t = t[..10];
        return DateOnly.TryParseExact(t, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static double? ParseNumber(string text, bool decimalComma)
    {
        var t = text.Trim().Trim('"');
        if (decimalComma) t = t.Replace(',', '.');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    /// <summary>Splits one line, honouring double-quoted cells ("a, b" stays one cell; "" is a quote).</summary>
    private static string[] Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
