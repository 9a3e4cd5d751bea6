namespace TrackStack.Metrics.Domain;

/// <summary>A product's API key. Only the SHA-256 of the secret is kept (the secret has 192 random bits, so a
/// plain hash cannot be reversed by guessing); the prefix lets a person tell keys apart in the list.</summary>
internal sealed class ApiKey : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid ProductId { get; set; }
    public string Name { get; set; } = "";
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    /// <summary>Comma-separated <see cref="KeyScopes"/> values.</summary>
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool Allows(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);
}
