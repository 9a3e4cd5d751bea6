namespace TrackStack.Metrics;

public sealed record ProductResponse(Guid Id, string Name, string? Description, int RetentionDays, DateTime CreatedAt, DateTime UpdatedAt);

internal static class ProductMapping
{
    public static ProductResponse ToResponse(this Product p) => new(p.Id, p.Name, p.Description, p.RetentionDays, p.CreatedAt, p.UpdatedAt);
}
