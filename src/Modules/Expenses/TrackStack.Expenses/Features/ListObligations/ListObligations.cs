namespace TrackStack.Expenses.Features.ListObligations;

internal static class ListObligations
{
    public static void MapListObligations(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/months/{month}/obligations", HandleAsync).WithSummary("The month's obligations, pending and done");

    internal static async Task<Results<Ok<ObligationResponse[]>, ValidationProblem>> HandleAsync(Guid householdId, string month, ExpensesDb db, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        var opened = await db.Months.AnyAsync(s => s.Month == m.Key, ct);
        var items = opened
            ? await db.Obligations.AsNoTracking().Where(o => o.Month == m.Key).ToListAsync(ct)
            : (await db.ChecklistTemplates.AsNoTracking().Where(t => t.Active).ToListAsync(ct)).Select(t => MonthSheets.Preview(t, m)).ToList();
        return TypedResults.Ok(items.OrderBy(o => o.Status).ThenBy(o => o.DueDay ?? 99).ThenBy(o => o.Title, StringComparer.CurrentCultureIgnoreCase).Select(o => o.ToResponse()).ToArray());
    }
}
