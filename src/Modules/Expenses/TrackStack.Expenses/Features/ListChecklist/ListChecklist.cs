namespace TrackStack.Expenses.Features.ListChecklist;

internal static class ListChecklist
{
    public static void MapListChecklist(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/checklist", HandleAsync).WithSummary("Checklist templates (monthly obligations)");

    internal static async Task<Results<Ok<PagedResponse<ChecklistTemplateResponse>>, ValidationProblem>> HandleAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.ChecklistTemplates.AsNoTracking()
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Title).ThenBy(t => t.Id).ToPageAsync(paging, ChecklistTemplates.ToResponse, ct));
    }
}
