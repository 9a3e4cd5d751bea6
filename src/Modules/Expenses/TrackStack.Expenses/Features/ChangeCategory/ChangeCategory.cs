namespace TrackStack.Expenses.Features.ChangeCategory;

internal static class ChangeCategory
{
    public static void MapChangeCategory(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/categories/{categoryId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Rename a category or move it to another tank");

    internal static async Task<Results<Ok<CategoryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid householdId, Guid categoryId, CategoryRequest request, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct); // the defaults may not be stored yet (see AddChecklistItem)
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return Problems.NotFound("Category");
        var (tank, errors) = await CategoryValidation.ValidateAsync(db, householdId, request, categoryId, ct);
        if (errors.Any) return errors.ToResult();
        category.Name = request.Name!.Trim();
        category.TankId = tank!.Id;
        if (request.SortOrder is { } order) category.SortOrder = order;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(new CategoryResponse(category.Id, category.Name, tank.Key, category.SortOrder));
    }
}
