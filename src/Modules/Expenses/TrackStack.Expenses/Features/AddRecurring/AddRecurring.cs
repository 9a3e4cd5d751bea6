namespace TrackStack.Expenses.Features.AddRecurring;

internal static class AddRecurring
{
    public static void MapAddRecurring(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/recurring", HandleAsync)
            .WithSummary("Add a recurring entry: monthly on a day, weekly on a weekday (1 = Monday), or yearly on a month and day")
            .WithDescription("Entries due from startDate up to today are posted at once; later ones when they fall due.");

    internal static async Task<Results<Created<RecurringTemplateResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, RecurringTemplateRequest request, HttpContext http, ExpensesDb db, BudgetSetup budget, RecurringPoster poster, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var (frequency, errors) = await RecurringTemplates.CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var today = http.GetHouseholdAccess().Today(clock);
        var template = new RecurringTemplate { Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedBy = http.GetHouseholdAccess().UserId };
        RecurringTemplates.Apply(template, request, frequency, today, reschedule: true, isNew: true);
        db.RecurringTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        await poster.PostDueAsync(today, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/recurring/{template.Id}", RecurringTemplates.ToResponse(template));
    }
}
