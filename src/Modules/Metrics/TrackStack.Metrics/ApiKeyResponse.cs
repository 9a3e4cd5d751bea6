namespace TrackStack.Metrics;

/// <summary>A key as the list shows it: never the secret.</summary>
public sealed record ApiKeyResponse(Guid Id, Guid ProductId, string Name, string Prefix, IReadOnlyList<string> Scopes,
    DateTime CreatedAt, DateTime? LastUsedAt, DateTime? ExpiresAt);

internal static class ApiKeyMapping
{
    public static ApiKeyResponse ToResponse(this ApiKey k) => new(k.Id, k.ProductId, k.Name, k.Prefix, k.ScopeList, k.CreatedAt, k.LastUsedAt, k.ExpiresAt);
}
