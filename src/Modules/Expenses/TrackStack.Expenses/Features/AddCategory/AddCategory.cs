namespace TrackStack.Expenses.Features.AddCategory;

internal static class AddCategory
{
    public static void MapAddCategory(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/categories", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Add a category to a tank");

    internal static async Task<Results<Created<CategoryResponse>, ValidationProblem>> HandleAsync(Guid householdId, CategoryRequest request, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct);
        var (tank, errors) = await CategoryValidation.ValidateAsync(db, householdId, request, null, ct);
        if (errors.Any) return errors.ToResult();
        var category = new Category { Id = Guid.CreateVersion7(), HouseholdId = householdId, TankId = tank!.Id, Name = request.Name!.Trim(), SortOrder = request.SortOrder ?? 100 };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/categories/{category.Id}", new CategoryResponse(category.Id, category.Name, tank.Key, category.SortOrder));
    }
}
