namespace TrackStack.Metrics.Features.DeleteProduct;

internal static class DeleteProduct
{
    public static void MapDeleteProduct(this RouteGroupBuilder metrics) =>
        metrics.MapDelete("/products/{productId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Delete a product with its keys, series, points and rollups; admins only");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, MetricsDb db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Problems.NotFound("Product");
        if (product.BuiltIn) return BuiltInProduct.Refused("deleted");
        var series = db.Series.Where(s => s.ProductId == productId).Select(s => s.Id);
        await db.Rollups.Where(r => series.Contains(r.SeriesId)).ExecuteDeleteAsync(ct);
        await db.Points.Where(p => p.ProductId == productId).ExecuteDeleteAsync(ct);
        await db.Series.Where(s => s.ProductId == productId).ExecuteDeleteAsync(ct);
        await db.ApiKeys.Where(k => k.ProductId == productId).ExecuteDeleteAsync(ct);
        await db.IngestRecords.Where(r => r.ProductId == productId).ExecuteDeleteAsync(ct);
        await db.Products.Where(p => p.Id == productId).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
