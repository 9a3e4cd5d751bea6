namespace TrackStack.Metrics.Features.CreateProduct;

internal static class CreateProduct
{
    public static void MapCreateProduct(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/products", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Add a product (a source of data); admins only");

    internal static async Task<Results<Created<ProductResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, ProductRequest request, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var product = new Product { Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now };
        request.ApplyTo(product, now);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/metrics/products/{product.Id}", product.ToResponse());
    }
}
