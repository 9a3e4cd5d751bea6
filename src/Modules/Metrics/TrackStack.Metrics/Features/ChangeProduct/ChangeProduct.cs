namespace TrackStack.Metrics.Features.ChangeProduct;

internal static class ChangeProduct
{
    public static void MapChangeProduct(this RouteGroupBuilder metrics) =>
        metrics.MapPut("/products/{productId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Rename a product or change its retention; admins only");

    internal static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, ProductRequest request, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Problems.NotFound("Product");
        if (product.BuiltIn) return BuiltInProduct.Refused("changed");
        var errors = request.Validate();
        if (errors.Any) return errors.ToResult();
        request.ApplyTo(product, StoredTime.Now(clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(product.ToResponse());
    }
}
