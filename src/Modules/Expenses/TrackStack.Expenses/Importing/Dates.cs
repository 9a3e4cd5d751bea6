using System.Globalization;

namespace TrackStack.Expenses.Importing;

/// <summary>Reads bank dates. With no format given, the order of day and month is decided once per file
/// from values that can only be read one way (a first number above 12 means day first).</summary>
internal static class Dates
{
    private static readonly string[] Iso = ["yyyy-MM-dd", "yyyyMMdd", "yyyy/MM/dd", "yyyy.MM.dd"];
    private static readonly string[] DayFirst = ["d.M.yyyy", "d/M/yyyy", "d-M-yyyy", "d.M.yy", "d/M/yy", "d-M-yy", "d/M\\'yy", "d/M\\' yy"];
    private static readonly string[] MonthFirst = ["M/d/yyyy", "M/d/yy", "M/d\\'yy", "M/d\\' yy", "M-d-yyyy", "M.d.yyyy"];

    public static bool? DayFirstFor(IEnumerable<string> samples)
    {
        foreach (var sample in samples)
        {
            var parts = sample.Trim().Split(['/', '.', '-', '\''], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || parts[0].Length == 4) continue;
            if (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var a) && a > 12) return true;
            if (int.TryParse(parts[1], CultureInfo.InvariantCulture, out var b) && b > 12) return false;
        }
        return null;
    }

    public static bool TryParse(string? raw, string? format, bool dayFirst, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        var s = raw.Trim();
        if (s.Length > 10 && s[10] is 'T' or ' ') s = s[..10]; // timestamps
        if (format is not null)
        {
            return DateOnly.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
        }
        var formats = Iso.Concat(dayFirst ? DayFirst.Concat(MonthFirst) : MonthFirst.Concat(DayFirst)).ToArray();
        return DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
    }
}
