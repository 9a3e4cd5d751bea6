using System.Globalization;

namespace TrackStack.Expenses.Domain;

/// <summary>Money is stored as whole cents (long): exact, and summable by SQLite, which cannot aggregate decimals.</summary>
internal static class Money
{
    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero);

    public static decimal FromCents(long cents) => cents / 100m;

    public static string Format(long cents) => FromCents(cents).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Share of a budget in percent, one decimal; null when there is no budget.</summary>
    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : decimal.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    /// <summary>Splits an amount by percentages without losing or inventing cents.</summary>
    public static long Share(long total, decimal percent) => (long)decimal.Round(total * percent / 100m, 0, MidpointRounding.AwayFromZero);
}
