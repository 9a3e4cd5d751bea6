namespace TrackStack.Expenses.Features.ListRecurring;

internal static class ListRecurring
{
    public static void MapListRecurring(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/recurring", HandleAsync).WithSummary("Recurring entries (subscriptions, standing orders)");

    internal static async Task<Results<Ok<PagedResponse<RecurringTemplateResponse>>, ValidationProblem>> HandleAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.RecurringTemplates.AsNoTracking()
            .OrderBy(t => t.NextDue).ThenBy(t => t.Title).ThenBy(t => t.Id).ToPageAsync(paging, RecurringTemplates.ToResponse, ct));
    }
}
