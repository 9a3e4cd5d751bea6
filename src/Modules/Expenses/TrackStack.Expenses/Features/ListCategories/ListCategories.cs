namespace TrackStack.Expenses.Features.ListCategories;

internal static class ListCategories
{
    public static void MapListCategories(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/categories", HandleAsync).WithSummary("Categories with the tank each belongs to");

    internal static async Task<Ok<CategoryResponse[]>> HandleAsync(BudgetSetup budget, CancellationToken ct)
    {
        var view = await budget.ReadAsync(ct);
        var tanks = view.Tanks.ToDictionary(t => t.Id);
        return TypedResults.Ok(view.Categories
            .OrderBy(c => tanks[c.TankId].SortOrder).ThenBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(c => new CategoryResponse(c.Id, c.Name, tanks[c.TankId].Key, c.SortOrder)).ToArray());
    }
}
