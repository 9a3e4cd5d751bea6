namespace TrackStack.Metrics.Features.RevokeApiKey;

internal static class RevokeApiKey
{
    public static void MapRevokeApiKey(this RouteGroupBuilder metrics) =>
        metrics.MapDelete("/products/{productId:guid}/keys/{keyId:guid}", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Revoke a key: its next request is refused; admins only");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, Guid keyId, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.ProductId == productId && k.RevokedAt == null, ct);
        if (key is null) return Problems.NotFound("API key");
        key.RevokedAt = StoredTime.Now(clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
