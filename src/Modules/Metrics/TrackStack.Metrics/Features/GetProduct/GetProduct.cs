namespace TrackStack.Metrics.Features.GetProduct;

internal static class GetProduct
{
    public static void MapGetProduct(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/products/{productId:guid}", HandleAsync).WithSummary("One product");

    internal static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, MetricsDb db, CancellationToken ct) =>
        await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct) is { } product
            ? TypedResults.Ok(product.ToResponse())
            : Problems.NotFound("Product");
}
