namespace TrackStack.Expenses.Features.DeleteRule;

internal static class DeleteRule
{
    public static void MapDeleteRule(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/rules/{ruleId:guid}", HandleAsync).WithSummary("Delete a rule");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid ruleId, ExpensesDb db, CancellationToken ct) =>
        await db.Rules.Where(r => r.Id == ruleId).ExecuteDeleteAsync(ct) == 0 ? Problems.NotFound("Rule") : TypedResults.NoContent();
}
