namespace TrackStack.Metrics.Features.CreateApiKey;

internal static class CreateApiKey
{
    public static void MapCreateApiKey(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/products/{productId:guid}/keys", HandleAsync).RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Create an API key for a product; the answer holds the secret, shown only this once; admins only");

    internal static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid productId, ApiKeyRequest request, HttpContext http, MetricsDb db, TimeProvider clock, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null) return Problems.NotFound("Product");
        // Keys would let a script write into the household's own figures, or read members' personal series.
        if (product.BuiltIn) return BuiltInProduct.Refused("given API keys");
        var now = StoredTime.Now(clock);
        var errors = new FieldErrors();
        var name = request.Name?.Trim();
        errors.Check(!string.IsNullOrEmpty(name) && name.Length <= 100, "name", "Give the key a name of 1 to 100 characters.");
        var scopes = request.Scopes ?? [];
        var valid = scopes.Count > 0 && scopes.All(s => KeyScopes.All.Contains(s)) && scopes.Contains(KeyScopes.Ingest) && scopes.Distinct().Count() == scopes.Count;
        errors.Check(valid, "scopes", "Use [\"ingest\"] or [\"ingest\", \"read\"].");
        errors.Check(request.ExpiresAt is null || request.ExpiresAt.Value.UtcDateTime > now, "expiresAt", "The expiry must be in the future.");
        if (errors.Any) return errors.ToResult();

        var secret = KeySecret.Create();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(), HouseholdId = householdId, ProductId = productId, Name = name!,
            Prefix = KeySecret.PrefixOf(secret), Hash = KeySecret.Hash(secret),
            Scopes = string.Join(',', KeyScopes.All.Where(scopes.Contains)),
            CreatedAt = now, CreatedBy = http.GetHouseholdAccess().UserId,
            ExpiresAt = request.ExpiresAt is { } e ? StoredTime.Round(e.UtcDateTime) : null,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/metrics/products/{productId}/keys/{key.Id}", new CreatedApiKeyResponse(key.ToResponse(), secret));
    }

}
