namespace TrackStack.Expenses.Domain;

/// <summary>One committed bank-statement import.</summary>
internal sealed class StatementImport
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public int Created { get; set; }
    public int Duplicates { get; set; }
    public int Errors { get; set; }
    public int Skipped { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}

/// <summary>The household facts Expenses needs in background jobs (time zone), kept from Households' events.</summary>
internal sealed class HouseholdProfile
{
    public Guid HouseholdId { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "EUR";
    public string Locale { get; set; } = "en-GB";
}

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

/// <summary>What Expenses last heard about one heating purchase. Purchase events are handled one by one and may
/// arrive out of order after retries; an older event, or any event after the delete, changes nothing.</summary>
internal sealed class FuelPurchaseLink
{
    public Guid PurchaseId { get; set; }
    public Guid HouseholdId { get; set; }
    public DateTime LastEventAt { get; set; }
    public bool Deleted { get; set; }
}
