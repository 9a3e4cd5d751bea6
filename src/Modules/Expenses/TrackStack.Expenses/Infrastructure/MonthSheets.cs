using Microsoft.EntityFrameworkCore;
using TrackStack.Expenses.Domain;

namespace TrackStack.Expenses.Infrastructure;

/// <summary>Opening and closing month sheets. Opening snapshots the income and copies the active checklist
/// templates into the month as pending obligations; a month that was never opened opens on its first write.</summary>
internal sealed class MonthSheets(ExpensesDb db, BudgetSetup budget, TimeProvider clock)
{
    public async Task<MonthSheet?> FindAsync(Guid householdId, YearMonth month, CancellationToken ct) =>
        db.Months.Local.FirstOrDefault(m => m.HouseholdId == householdId && m.Month == month.Key)
        ?? await db.Months.FirstOrDefaultAsync(m => m.HouseholdId == householdId && m.Month == month.Key, ct);

    /// <summary>Opens the month (idempotent); a closed month is reopened. The caller saves.</summary>
    public async Task<MonthSheet> OpenAsync(Guid householdId, YearMonth month, CancellationToken ct)
    {
        var sheet = await FindAsync(householdId, month, ct);
        if (sheet is not null)
        {
            if (sheet.Status == MonthStatus.Closed)
            {
                sheet.Status = MonthStatus.Open;
                sheet.ClosedAt = null;
            }
            return sheet;
        }
        var settings = await budget.EnsureAsync(householdId, ct);
        sheet = new MonthSheet
        {
            HouseholdId = householdId,
            Month = month.Key,
            Status = MonthStatus.Open,
            IncomeCents = settings.MonthlyIncomeCents,
            OpenedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Months.Add(sheet);
        foreach (var template in await db.ChecklistTemplates.Where(t => t.HouseholdId == householdId && t.Active).OrderBy(t => t.SortOrder).ToListAsync(ct))
        {
            db.Obligations.Add(Copy(template, month));
        }
        return sheet;
    }

    /// <summary>For a write dated in <paramref name="month"/>: opens it on first use; refuses a closed month.</summary>
    public async Task<string?> EnsureWritableAsync(Guid householdId, YearMonth month, CancellationToken ct)
    {
        var sheet = await FindAsync(householdId, month, ct);
        if (sheet is null)
        {
            await OpenAsync(householdId, month, ct);
            return null;
        }
        return sheet.Status == MonthStatus.Closed ? $"The month {month} is closed. Reopen it to change it." : null;
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
