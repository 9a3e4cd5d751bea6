namespace TrackStack.Metrics;

/// <summary>BuiltIn: the household's "Household" product of built-in series (not deletable, no keys).</summary>
public sealed record ProductResponse(Guid Id, string Name, string? Description, int RetentionDays, DateTime CreatedAt, DateTime UpdatedAt, bool BuiltIn);

internal static class ProductMapping
{
    public static ProductResponse ToResponse(this Product p) => new(p.Id, p.Name, p.Description, p.RetentionDays, p.CreatedAt, p.UpdatedAt, p.BuiltIn);
}

/// <summary>The refusal of what the built-in product does not allow.</summary>
internal static class BuiltInProduct
{
    public static ProblemHttpResult Refused(string what) =>
        Problems.Conflict("Built-in product", $"The Household product holds the figures TrackStack keeps from Expenses, Heating, Nutrition and Training; it cannot be {what}.");
}
