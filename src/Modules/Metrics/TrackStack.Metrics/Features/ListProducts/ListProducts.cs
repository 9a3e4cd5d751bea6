namespace TrackStack.Metrics.Features.ListProducts;

internal static class ListProducts
{
    public static void MapListProducts(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/products", HandleAsync).WithSummary("The household's products by name, paged");

    internal static async Task<Results<Ok<PagedResponse<ProductResponse>>, ValidationProblem>> HandleAsync(
        Guid householdId, int? page, int? pageSize, MetricsDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.Products.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(paging, ProductMapping.ToResponse, ct));
    }
}
