namespace TrackStack.Expenses.Domain;

internal static class Dedup
{
    /// <summary>Fingerprint of a transaction without a bank id: date, amount and the payee with case, spacing
    /// and punctuation removed. The n-th identical row of one file gets "#n", so two real coffees on the same
    /// day both import, and importing the file again adds neither.</summary>
    public static string Key(DateOnly date, long amountCents, string? payee, int occurrence)
    {
        var normalized = new string((payee ?? "").ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (normalized.Length > 60) normalized = normalized[..60];
        var key = $"{date:yyyy-MM-dd}|{amountCents}|{normalized}";
        return occurrence <= 1 ? key : $"{key}#{occurrence}";
    }
}
