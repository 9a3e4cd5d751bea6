namespace TrackStack.Expenses.Features.ChangeRecurring;

internal static class ChangeRecurring
{
    public static void MapChangeRecurring(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/recurring/{templateId:guid}", HandleAsync).WithSummary("Change a recurring entry (already posted entries stay)");

    internal static async Task<Results<Ok<RecurringTemplateResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid templateId, RecurringTemplateRequest request, ExpensesDb db, RecurringPoster poster, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var template = await db.RecurringTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return Problems.NotFound("Recurring entry");
        var (frequency, errors) = await RecurringTemplates.CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var scheduleChanged = template.Frequency != frequency || template.Day != request.Day || template.MonthOfYear != request.MonthOfYear || template.StartDate != request.StartDate;
        var today = http.GetHouseholdAccess().Today(clock);
        RecurringTemplates.Apply(template, request, frequency, today, scheduleChanged, isNew: false);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await poster.PostDueAsync(today, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(RecurringTemplates.ToResponse(template));
    }
}
