namespace TrackStack.Expenses.Features.ChangeChecklistItem;

internal static class ChangeChecklistItem
{
    public static void MapChangeChecklistItem(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/checklist/{templateId:guid}", HandleAsync).WithSummary("Change an obligation; pending items follow");

    internal static async Task<Results<Ok<ChecklistTemplateResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid templateId, ChecklistTemplateRequest request, ExpensesDb db, BudgetSetup budget, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return Problems.NotFound("Checklist item");
        var errors = await ChecklistTemplates.CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        ChecklistTemplates.Apply(template, request);
        var today = YearMonth.Of(http.GetHouseholdAccess().Today(clock));
        // Only pending items of open months from the current month on follow the template: the past stays as it was.
        var openMonths = await db.Months.Where(m => m.Status == MonthStatus.Open && m.Month >= today.Key).Select(m => m.Month).ToListAsync(ct);
        var pending = await db.Obligations.Where(o => o.TemplateId == templateId && o.Status == ObligationStatus.Pending && openMonths.Contains(o.Month)).ToListAsync(ct);
        if (template.Active)
        {
            foreach (var o in pending)
            {
                o.Title = template.Title;
                o.AmountCents = template.AmountCents;
                o.CategoryId = template.CategoryId;
                o.DueDay = template.DueDay;
            }
            await ChecklistTemplates.AddToOpenMonthsAsync(db, template, today.First, ct);
        }
        else
        {
            db.Obligations.RemoveRange(pending);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ChecklistTemplates.ToResponse(template));
    }
}
