using System.Globalization;

namespace TrackStack.Expenses.Importing;

/// <summary>Reads bank-written amounts: "1.234,56", "1,234.56", "1'234.50", "-12,00 €", "(12.34)", "12.34-".</summary>
internal static class Numbers
{
    public static bool TryParseAmount(string? raw, char? decimalSeparator, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(raw)) return false;
        var s = raw.Trim();
        var negative = false;
        if (s.StartsWith('(') && s.EndsWith(')')) { negative = true; s = s[1..^1]; }
        s = new string(s.Where(c => char.IsDigit(c) || c is '.' or ',' or '-' or '+' or '\u2212').ToArray()).Replace('\u2212', '-');
        if (s.EndsWith('-')) { negative = !negative; s = s[..^1]; }
        if (s.StartsWith('-')) { negative = !negative; s = s[1..]; }
        else if (s.StartsWith('+')) s = s[1..];
        if (s.Length == 0 || s.Contains('-') || s.Contains('+')) return false;

        var sep = decimalSeparator ?? Guess(s);
        var thousands = sep == ',' ? '.' : ',';
        s = s.Replace(thousands.ToString(), "", StringComparison.Ordinal);
        if (sep == ',') s = s.Replace(',', '.');
        if (s.Count(c => c == '.') > 1) return false;
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary>The last of '.' and ',' is the decimal separator; a lone ',' followed by 1-2 digits is one too.</summary>
    private static char Guess(string s)
    {
        var dot = s.LastIndexOf('.');
        var comma = s.LastIndexOf(',');
        if (dot >= 0 && comma >= 0) return comma > dot ? ',' : '.';
        if (comma >= 0) return s.Length - comma - 1 is 1 or 2 ? ',' : '.';
        return '.';
    }
}
