namespace TrackStack.Nutrition.Features.ListRecipes;

internal static class ListRecipes
{
    public static void MapListRecipes(this RouteGroupBuilder nutrition) =>
        nutrition.MapGet("/recipes", HandleAsync).WithSummary("The household's recipes by title, paged; q searches the title, tag filters by a tag");

    internal static async Task<Results<Ok<PagedResponse<RecipeSummaryResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, string? q, string? tag, int? page, int? pageSize, NutritionDb db, FoodCatalog catalog, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        errors.Check(q is null || q.Length <= 100, "q", "Search with at most 100 characters.");
        errors.Check(tag is null || tag.Length <= 40, "tag", "A tag is at most 40 characters.");
        if (errors.Any) return errors.ToResult();
        var query = db.Recipes.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q)) { var lower = q.Trim().ToLowerInvariant(); query = query.Where(r => r.Title.ToLower().Contains(lower)); }
        // Tags are a JSON array of strings: the quoted tag is a whole element.
        if (!string.IsNullOrWhiteSpace(tag)) { var quoted = System.Text.Json.JsonSerializer.Serialize(tag.Trim()); query = query.Where(r => r.Tags.Contains(quoted)); }
        var total = await query.CountAsync(ct);
        var recipes = await query.OrderBy(r => r.Title).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = recipes.Select(r => r.Id).ToList();
        var rows = (await db.Ingredients.AsNoTracking().Where(i => ids.Contains(i.RecipeId)).ToListAsync(ct)).ToLookup(i => i.RecipeId);
        var items = new List<RecipeSummaryResponse>(recipes.Count);
        foreach (var r in recipes)
        {
            var (view, _, _) = await RecipeView.BuildAsync(r, rows[r.Id].ToList(), catalog, 1, ct);
            items.Add(new RecipeSummaryResponse(r.Id, r.Title, r.Servings, view.Tags, view.Nutrition.PerServing.Kcal,
                r.PrepMinutes is null && r.CookMinutes is null ? null : (r.PrepMinutes ?? 0) + (r.CookMinutes ?? 0)));
        }
        return TypedResults.Ok(new PagedResponse<RecipeSummaryResponse>(items, paging.Page, paging.PageSize, total));
    }
}
