namespace TrackStack.Expenses.Features.ChangeRule;

internal static class ChangeRule
{
    public static void MapChangeRule(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/rules/{ruleId:guid}", HandleAsync).WithSummary("Change a rule");

    internal static async Task<Results<Ok<RuleResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid householdId, Guid ruleId, RuleRequest request, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var existing = await db.Rules.FirstOrDefaultAsync(r => r.Id == ruleId, ct);
        if (existing is null) return Problems.NotFound("Rule");
        var (rule, errors) = await CategoryRules.ParseAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        existing.Field = rule.Field;
        existing.Match = rule.Match;
        existing.Pattern = rule.Pattern;
        existing.CategoryId = rule.CategoryId;
        existing.Priority = rule.Priority;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(CategoryRules.ToResponse(existing));
    }
}
