namespace TrackStack.Expenses;

public sealed record ChecklistTemplateRequest(string? Title, long? AmountCents, Guid? CategoryId, int? DueDay, bool? Active, int? SortOrder);

public sealed record ChecklistTemplateResponse(Guid Id, string Title, long AmountCents, Guid? CategoryId, int? DueDay, bool Active, int SortOrder);

/// <summary>What adding and changing a checklist item share: validation, applying a request, and copying the item
/// into the open months that lack it.</summary>
internal static class ChecklistTemplates
{
    /// <summary>Adds the template to open months from the current one on that do not have it yet.</summary>
    public static async Task AddToOpenMonthsAsync(ExpensesDb db, ChecklistTemplate template, DateOnly today, CancellationToken ct)
    {
        var from = YearMonth.Of(today).Key;
        var open = await db.Months.Where(m => m.Status == MonthStatus.Open && m.Month >= from).Select(m => m.Month).ToListAsync(ct);
        var having = await db.Obligations.Where(o => o.TemplateId == template.Id).Select(o => o.Month).ToListAsync(ct);
        foreach (var month in open.Except(having)) db.Obligations.Add(MonthSheets.Copy(template, YearMonth.FromKey(month)));
    }

    public static async Task<FieldErrors> CheckAsync(ChecklistTemplateRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((r.Title?.Trim().Length ?? 0) is >= 1 and <= 200, "title", "Enter a title of 1 to 200 characters.");
        errors.Check(r.AmountCents is >= 0 and <= EntryValidation.MaxCents, "amountCents", "Enter the expected amount in cents (0 when it varies).");
        errors.Check(r.DueDay is null or (>= 1 and <= 31), "dueDay", "The due day is between 1 and 31.");
        if (r.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        return errors;
    }

    public static void Apply(ChecklistTemplate t, ChecklistTemplateRequest r)
    {
        t.Title = r.Title!.Trim();
        t.AmountCents = r.AmountCents!.Value;
        t.CategoryId = r.CategoryId;
        t.DueDay = r.DueDay;
        t.Active = r.Active ?? true;
        t.SortOrder = r.SortOrder ?? t.SortOrder;
    }

    public static ChecklistTemplateResponse ToResponse(ChecklistTemplate t) => new(t.Id, t.Title, t.AmountCents, t.CategoryId, t.DueDay, t.Active, t.SortOrder);
}
