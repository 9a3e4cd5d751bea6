namespace TrackStack.Expenses;

public sealed record RecurringTemplateRequest(
    string? Title, long? AmountCents, Guid? CategoryId, string? Note, IReadOnlyList<string>? Tags, string? Frequency,
    int? Day, int? MonthOfYear, DateOnly? StartDate, DateOnly? EndDate, bool? Active);

public sealed record RecurringTemplateResponse(
    Guid Id, string Title, long AmountCents, Guid? CategoryId, string? Note, IReadOnlyList<string> Tags, string Frequency,
    int Day, int? MonthOfYear, DateOnly StartDate, DateOnly? EndDate, DateOnly NextDue, bool Active);

/// <summary>What adding and changing a recurring entry share: validation, applying a request, the answer.</summary>
internal static class RecurringTemplates
{
    public static async Task<(Frequency Frequency, FieldErrors Errors)> CheckAsync(RecurringTemplateRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((r.Title?.Trim().Length ?? 0) is >= 1 and <= 200, "title", "Enter a title of 1 to 200 characters.");
        errors.Check(r.AmountCents is { } a && EntryValidation.IsAmount(a), "amountCents", "Enter the amount in cents.");
        var ok = EnumNames.TryParse<Frequency>(r.Frequency, out var frequency);
        if (!ok) errors.Add("frequency", "Use monthly, weekly or yearly.");
        else if (frequency == Frequency.Weekly) errors.Check(r.Day is >= 1 and <= 7, "day", "For weekly, day is the weekday from 1 (Monday) to 7 (Sunday).");
        else errors.Check(r.Day is >= 1 and <= 31, "day", "Day of the month from 1 to 31 (31 means the last day in shorter months).");
        if (ok && frequency == Frequency.Yearly) errors.Check(r.MonthOfYear is >= 1 and <= 12, "monthOfYear", "For yearly, give the month from 1 to 12.");
        if (r.StartDate is null) errors.Add("startDate", "Enter the first date it applies from.");
        else errors.Check(r.StartDate.Value.Year is >= 1900 and <= 2999, "startDate", "Enter a date between 1900 and 2999.");
        errors.Check(r.EndDate is null || r.EndDate.Value.Year is >= 1900 and <= 2999, "endDate", "Enter a date between 1900 and 2999.");
        if (r.StartDate is { } s && r.EndDate is { } e) errors.Check(e >= s, "endDate", "The end date is on or after the start date.");
        errors.Check((r.Note?.Length ?? 0) <= 2000, "note", "Keep the note under 2000 characters.");
        errors.Check((r.Tags?.Count ?? 0) <= 10, "tags", "Use at most 10 tags.");
        errors.Check(r.Tags is null || r.Tags.All(t => t is not null && t.Trim().Length is >= 1 and <= 30), "tags", "Each tag has 1 to 30 characters.");
        if (r.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        return (frequency, errors);
    }

    public static void Apply(RecurringTemplate t, RecurringTemplateRequest r, Frequency frequency, DateOnly today, bool reschedule, bool isNew)
    {
        t.Title = r.Title!.Trim();
        t.AmountCents = r.AmountCents!.Value;
        t.CategoryId = r.CategoryId;
        t.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        t.Tags = EntryTags.Join(r.Tags);
        t.Frequency = frequency;
        t.Day = r.Day!.Value;
        t.MonthOfYear = frequency == Frequency.Yearly ? r.MonthOfYear : null;
        t.StartDate = r.StartDate!.Value;
        t.EndDate = r.EndDate;
        t.Active = r.Active ?? true;
        // A new template back-fills from its start date; a changed schedule only applies from today on.
        if (reschedule) t.NextDue = Schedule.FirstOnOrAfter(frequency, t.Day, t.MonthOfYear, isNew || t.StartDate > today ? t.StartDate : today);
    }

    public static RecurringTemplateResponse ToResponse(RecurringTemplate t) =>
        new(t.Id, t.Title, t.AmountCents, t.CategoryId, t.Note, EntryTags.Parse(t.Tags), t.Frequency.ToString().ToLowerInvariant(), t.Day, t.MonthOfYear, t.StartDate, t.EndDate, t.NextDue, t.Active);
}
