namespace TrackStack.Expenses.Features.AddChecklistItem;

internal static class AddChecklistItem
{
    public static void MapAddChecklistItem(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/checklist", HandleAsync).WithSummary("Add a monthly obligation");

    internal static async Task<Results<Created<ChecklistTemplateResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, ChecklistTemplateRequest request, ExpensesDb db, BudgetSetup budget, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        // A category shown by a read may be a default not stored yet (the household's set-up event can still be on
        // its way): store the defaults first, in this write's transaction.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct);
        var errors = await ChecklistTemplates.CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var template = new ChecklistTemplate { Id = Guid.CreateVersion7(), HouseholdId = householdId };
        ChecklistTemplates.Apply(template, request);
        db.ChecklistTemplates.Add(template);
        if (template.Active) await ChecklistTemplates.AddToOpenMonthsAsync(db, template, http.GetHouseholdAccess().Today(clock), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/checklist/{template.Id}", ChecklistTemplates.ToResponse(template));
    }
}
