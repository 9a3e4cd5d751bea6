namespace TrackStack.Expenses.Features.ChangeRecurring;

internal static class ChangeRecurring
{
    public static void MapChangeRecurring(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/recurring/{templateId:guid}", HandleAsync).WithSummary("Change a recurring entry (already posted entries stay)");

    internal static async Task<Results<Ok<RecurringTemplateResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid templateId, RecurringTemplateRequest request, ExpensesDb db, BudgetSetup budget, RecurringPoster poster, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var template = await db.RecurringTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return Problems.NotFound("Recurring entry");
        var (frequency, errors) = await RecurringTemplates.CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var scheduleChanged = template.Frequency != frequency || template.Day != request.Day || template.MonthOfYear != request.MonthOfYear || template.StartDate != request.StartDate;
        var today = http.GetHouseholdAccess().Today(clock);
        RecurringTemplates.Apply(template, request, frequency, today, scheduleChanged, isNew: false);
        await db.SaveChangesAsync(ct);
        await poster.PostDueAsync(today, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(RecurringTemplates.ToResponse(template));
    }
}
