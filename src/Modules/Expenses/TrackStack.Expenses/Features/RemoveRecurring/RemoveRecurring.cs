namespace TrackStack.Expenses.Features.RemoveRecurring;

internal static class RemoveRecurring
{
    public static void MapRemoveRecurring(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/recurring/{templateId:guid}", HandleAsync).WithSummary("Stop and remove a recurring entry (posted entries stay)");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid templateId, ExpensesDb db, CancellationToken ct)
    {
        var deleted = await db.RecurringTemplates.Where(t => t.Id == templateId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("Recurring entry") : TypedResults.NoContent();
    }
}
