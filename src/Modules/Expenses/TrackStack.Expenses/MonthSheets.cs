namespace TrackStack.Expenses;

/// <summary>Opening and closing month sheets. Opening snapshots the income (announced with MonthIncomeSet) and copies the active checklist
/// templates into the month as pending obligations; a month that was never opened opens on its first write. The
/// sheet and its obligations are written with INSERT ... ON CONFLICT DO NOTHING in the caller's transaction, so
/// parallel first writes into a new month all succeed.</summary>
internal sealed class MonthSheets(ExpensesDb db, BudgetSetup budget, TimeProvider clock)
{
    public async Task<MonthSheet?> FindAsync(YearMonth month, CancellationToken ct) =>
        db.Months.Local.FirstOrDefault(m => m.Month == month.Key)
        ?? await db.Months.FirstOrDefaultAsync(m => m.Month == month.Key, ct);

    /// <summary>Opens the month (idempotent); a closed month is reopened. Needs the caller's transaction; the caller saves.</summary>
    public async Task<MonthSheet> OpenAsync(YearMonth month, CancellationToken ct)
    {
        var sheet = await FindOrCreateAsync(month, ct);
        if (sheet.Status == MonthStatus.Closed)
        {
            sheet.Status = MonthStatus.Open;
            sheet.ClosedAt = null;
        }
        return sheet;
    }

    /// <summary>For a write dated in <paramref name="month"/>: opens it on first use; refuses a closed month.</summary>
    public async Task<string?> EnsureWritableAsync(YearMonth month, CancellationToken ct)
    {
        var sheet = await FindOrCreateAsync(month, ct);
        return sheet.Status == MonthStatus.Closed ? $"The month {month} is closed. Reopen it to change it." : null;
    }

    private async Task<MonthSheet> FindOrCreateAsync(YearMonth month, CancellationToken ct)
    {
        if (await FindAsync(month, ct) is { } existing) return existing;
        var settings = await budget.EnsureAsync(ct);
        var sheet = new MonthSheet
        {
            HouseholdId = db.HouseholdId,
            Month = month.Key,
            Status = MonthStatus.Open,
            IncomeCents = settings.MonthlyIncomeCents,
            IncomeVersion = 1,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        if (await db.InsertIfMissingAsync([sheet], ct) == 1)
        {
            var templates = await db.ChecklistTemplates.Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(ct);
            await db.InsertIfMissingAsync(templates.Select(t => Copy(t, month)).ToList(), ct);
            await MonthIncomeEvents.PublishAsync(db, sheet, ct);
        }
        return await db.Months.FirstAsync(m => m.Month == month.Key, ct);
    }

    /// <summary>How a template will look in a month not opened yet. Its id is the template's, which tick accepts.</summary>
    public static Obligation Preview(ChecklistTemplate template, YearMonth month)
    {
        var item = Copy(template, month);
        item.Id = template.Id;
        return item;
    }

    public static Obligation Copy(ChecklistTemplate template, YearMonth month) => new()
    {
        Id = Guid.CreateVersion7(),
        HouseholdId = template.HouseholdId,
        Month = month.Key,
        TemplateId = template.Id,
        Title = template.Title,
        AmountCents = template.AmountCents,
        CategoryId = template.CategoryId,
        DueDay = template.DueDay,
        Status = ObligationStatus.Pending,
    };
}
