namespace TrackStack.Expenses.Domain;

internal enum EntryKind
{
    Manual,
    Recurring,
    Checklist,
    Import,
    Heating,
}

/// <summary>One expense (positive) or refund (negative), in the household currency.</summary>
internal sealed class Entry : IClientIdentified
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public DateOnly Date { get; set; }
    public long AmountCents { get; set; }
    public string Title { get; set; } = "";
    public Guid? CategoryId { get; set; }
    public string? Note { get; set; }

    /// <summary>Tags stored as "|a|b|" so a tag filter is one indexed-free LIKE on both providers.</summary>
    public string Tags { get; set; } = "";
    public Guid? PaidBy { get; set; }
    public EntryKind Kind { get; set; }
    public long? OriginalAmountCents { get; set; }
    public string? OriginalCurrency { get; set; }

    /// <summary>The bank's own id of an imported transaction (FITID, AcctSvcrRef, CSV id column).</summary>
    public string? BankTransactionId { get; set; }

    /// <summary>Date + amount + payee fingerprint of imported rows without a bank id.</summary>
    public string? DedupKey { get; set; }

    /// <summary>What created a system entry ("recurring:{template}:{date}", "checklist:{obligation}",
    /// "heating:{purchase}"): unique per household, so a retried job or redelivered event adds nothing.</summary>
    public string? SourceRef { get; set; }
    public Guid? ImportId { get; set; }

    /// <summary>The import whose bank line was matched to this (typed or recurring) entry instead of adding a second
    /// one: the entry then carries that line's bank id or fingerprint, and undoing the import takes them off again.</summary>
    public Guid? LinkedImportId { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>1 when added, +1 per change (the delete's event carries one more), sent with the entry's events so
    /// consumers (the Metrics built-in series) apply them in order. A concurrency token: of two changes at once the
    /// second is refused (409) instead of sending the same version twice.</summary>
    public long Version { get; set; }

    /// <summary>The split across categories; empty for an entry in one category (or none).</summary>
    public List<EntryPart> Parts { get; set; } = [];

    public IReadOnlyList<string> TagList => EntryTags.Parse(Tags);
}

internal static class EntryTags
{
    public static string Join(IEnumerable<string>? tags)
    {
        var clean = (tags ?? []).Select(Normalize).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return clean.Count == 0 ? "" : "|" + string.Join('|', clean) + "|";
    }

    public static IReadOnlyList<string> Parse(string stored) =>
        stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string Normalize(string tag) => tag.Trim().ToLowerInvariant().Replace('|', '-');
}
