namespace TrackStack.Metrics.Features.ListApiKeys;

internal static class ListApiKeys
{
    public static void MapListApiKeys(this RouteGroupBuilder metrics) =>
        metrics.MapGet("/products/{productId:guid}/keys", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("A product's keys that are not revoked (name, prefix, scopes, created, last used, expiry); admins only");

    internal static async Task<Results<Ok<IReadOnlyList<ApiKeyResponse>>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, MetricsDb db, CancellationToken ct)
    {
        if (!await db.Products.AnyAsync(p => p.Id == productId, ct)) return Problems.NotFound("Product");
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.ProductId == productId && k.RevokedAt == null)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ApiKeyResponse>>(keys.Select(k => k.ToResponse()).ToList());
    }
}
