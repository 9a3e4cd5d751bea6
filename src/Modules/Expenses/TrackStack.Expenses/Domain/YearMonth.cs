using System.Globalization;

namespace TrackStack.Expenses.Domain;

/// <summary>A calendar month, the unit of an expense sheet ("2026-11").</summary>
internal readonly record struct YearMonth(int Year, int Month) : IComparable<YearMonth>
{
    public DateOnly First => new(Year, Month, 1);
    public DateOnly NextFirst => First.AddMonths(1);
    public int Days => DateTime.DaysInMonth(Year, Month);
    public YearMonth Previous(int months = 1) => Of(First.AddMonths(-months));
    public YearMonth Next(int months = 1) => Of(First.AddMonths(months));
    public int Key => Year * 100 + Month;

    public bool Contains(DateOnly date) => date.Year == Year && date.Month == Month;

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public static YearMonth FromKey(int key) => new(key / 100, key % 100);

    public static bool TryParse(string? text, out YearMonth month)
    {
        month = default;
        if (text is not { Length: 7 } || text[4] != '-') return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (y is < 1900 or > 2999 || m is < 1 or > 12) return false;
        month = new YearMonth(y, m);
        return true;
    }

    public int CompareTo(YearMonth other) => Key.CompareTo(other.Key);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
