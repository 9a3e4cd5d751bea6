namespace TrackStack.Expenses.Features.ListRules;

internal static class ListRules
{
    public static void MapListRules(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/rules", HandleAsync).WithSummary("Categorisation rules, in the order they are tried");

    internal static async Task<Results<Ok<PagedResponse<RuleResponse>>, ValidationProblem>> HandleAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.Rules.AsNoTracking()
            .OrderBy(r => r.Priority).ThenBy(r => r.Pattern).ThenBy(r => r.Id).ToPageAsync(paging, CategoryRules.ToResponse, ct));
    }
}
