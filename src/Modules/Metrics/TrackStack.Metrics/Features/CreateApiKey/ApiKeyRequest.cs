namespace TrackStack.Metrics.Features.CreateApiKey;

/// <summary>A key's name (1–100 characters), scopes (["ingest"] or ["ingest", "read"]) and optional expiry (an
/// instant with an offset, in the future).</summary>
public sealed record ApiKeyRequest(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt);

/// <summary>The created key with its secret, shown this once.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Key, string Secret);
