namespace TrackStack.Expenses.Features.AddRule;

internal static class AddRule
{
    public static void MapAddRule(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/rules", HandleAsync).WithSummary("Add a rule: when payee, memo or either contains (or matches the regex) the pattern, use the category");

    internal static async Task<Results<Created<RuleResponse>, ValidationProblem>> HandleAsync(Guid householdId, RuleRequest request, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var (rule, errors) = await CategoryRules.ParseAsync(request, householdId, db, ct);
        if (await db.Rules.CountAsync(ct) >= Categoriser.MaxRules)
            errors.Add("pattern", $"A household can keep at most {Categoriser.MaxRules} rules.");
        if (errors.Any) return errors.ToResult();
        rule.Id = Guid.CreateVersion7();
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/rules/{rule.Id}", CategoryRules.ToResponse(rule));
    }
}
