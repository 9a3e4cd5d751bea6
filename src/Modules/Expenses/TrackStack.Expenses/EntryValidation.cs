namespace TrackStack.Expenses;

/// <summary>Checks an entry request; used by create and edit.</summary>
internal static class EntryValidation
{
    public const long MaxCents = 1_000_000_000_00;
    public const int MaxParts = 20;

    /// <summary>Non-zero and at most MaxCents either way. Compared as a range: Math.Abs(long.MinValue) overflows.</summary>
    public static bool IsAmount(long cents) => cents != 0 && cents is >= -MaxCents and <= MaxCents;

    public static async Task<FieldErrors> CheckAsync(EntryRequest r, Guid householdId, ExpensesDb db, IHouseholdMembershipQuery members, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (r.Date is null) errors.Add("date", "Enter the date (yyyy-MM-dd).");
        else errors.Check(r.Date.Value.Year is >= 1900 and <= 2999, "date", "Enter a date between 1900 and 2999.");
        if (r.AmountCents is null) errors.Add("amountCents", "Enter the amount in cents (1234 for 12.34).");
        else errors.Check(IsAmount(r.AmountCents.Value), "amountCents", "The amount must not be zero and at most 1,000,000,000.");
        errors.Check((r.Title?.Trim().Length ?? 0) <= 200, "title", "Keep the title under 200 characters.");
        errors.Check((r.Note?.Length ?? 0) <= 2000, "note", "Keep the note under 2000 characters.");
        if (r.Tags is { } tags)
        {
            errors.Check(tags.Count <= 10, "tags", "Use at most 10 tags.");
            errors.Check(tags.All(t => t is not null && t.Trim().Length is >= 1 and <= 30), "tags", "Each tag has 1 to 30 characters.");
        }
        if (r.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        if (r.PaidBy is { } paidBy && await members.GetRoleAsync(householdId, paidBy, ct) is null)
            errors.Add("paidBy", "Choose a member of the household.");
        if (r.OriginalCurrency is not null || r.OriginalAmountCents is not null)
        {
            errors.Check(r.OriginalCurrency is { Length: 3 } cur && cur.All(char.IsAsciiLetterUpper), "originalCurrency", "Give the original currency as an ISO 4217 code (e.g. USD).");
            errors.Check(r.OriginalAmountCents is { } o && IsAmount(o), "originalAmountCents", "Give the original amount with its currency.");
        }
        await CheckPartsAsync(r, db, errors, ct);
        return errors;
    }

    /// <summary>A split: 2 to 20 parts, each an existing category (no category twice) and a non-zero amount, summing
    /// exactly to the entry's amount; the entry itself then has no category.</summary>
    private static async Task CheckPartsAsync(EntryRequest r, ExpensesDb db, FieldErrors errors, CancellationToken ct)
    {
        if (r.Parts is not { Count: > 0 } parts) return;
        if (parts.Count is < 2 or > MaxParts) { errors.Add("parts", $"Split into 2 to {MaxParts} parts, or send no parts."); return; }
        if (r.CategoryId is not null) errors.Add("categoryId", "A split entry takes its categories from its parts: leave categoryId empty.");
        var ids = parts.Where(p => p?.CategoryId is not null).Select(p => p.CategoryId!.Value).Distinct().ToList();
        var known = await db.Categories.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        for (var i = 0; i < parts.Count; i++)
        {
            var p = parts[i];
            if (p?.CategoryId is not { } category) errors.Add($"parts[{i}].categoryId", "Choose the category of this part.");
            else if (!known.Contains(category)) errors.Add($"parts[{i}].categoryId", "This category does not exist in the household.");
            else if (parts.Take(i).Any(q => q?.CategoryId == category)) errors.Add($"parts[{i}].categoryId", "Each category once: merge the parts of the same category.");
            if (p?.AmountCents is not { } cents || !IsAmount(cents)) errors.Add($"parts[{i}].amountCents", "Enter a non-zero amount in cents for this part.");
        }
        if (r.AmountCents is { } total && parts.All(p => p?.AmountCents is { } c && IsAmount(c)))
        {
            var sum = parts.Sum(p => p.AmountCents!.Value);
            errors.Check(sum == total, "parts", $"The parts add up to {Money.Format(sum)}, the entry is {Money.Format(total)}: they must be equal.");
        }
    }

    public static void Apply(this Entry e, EntryRequest r)
    {
        e.Date = r.Date!.Value;
        e.AmountCents = r.AmountCents!.Value;
        e.Title = string.IsNullOrWhiteSpace(r.Title) ? "Untitled" : r.Title.Trim();
        e.CategoryId = r.CategoryId;
        e.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        e.Tags = EntryTags.Join(r.Tags);
        e.PaidBy = r.PaidBy;
        e.OriginalAmountCents = r.OriginalAmountCents;
        e.OriginalCurrency = r.OriginalCurrency;
        // Parts are replaced as a whole; EF deletes the old rows of a tracked entry whose parts were loaded.
        e.Parts.Clear();
        var position = 0;
        foreach (var p in r.Parts ?? [])
        {
            e.Parts.Add(new EntryPart { Id = Guid.CreateVersion7(), HouseholdId = e.HouseholdId, EntryId = e.Id, CategoryId = p.CategoryId!.Value, AmountCents = p.AmountCents!.Value, Position = position++ });
        }
    }
}
