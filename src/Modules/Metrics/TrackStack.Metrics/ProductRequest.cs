namespace TrackStack.Metrics;

/// <summary>A product's name (1–100 characters), optional description (≤ 500) and how many days raw points are
/// kept (1–36500, default 400; rollups are kept for good).</summary>
public sealed record ProductRequest(string? Name, string? Description, int? RetentionDays)
{
    internal FieldErrors Validate()
    {
        var errors = new FieldErrors();
        var name = Name?.Trim();
        errors.Check(!string.IsNullOrEmpty(name) && name.Length <= 100, "name", "Give the product a name of 1 to 100 characters.");
        errors.Check(Description is null || Description.Trim().Length <= 500, "description", "Keep the description to 500 characters.");
        errors.Check(RetentionDays is null or (>= 1 and <= 36500), "retentionDays", "Keep raw points for 1 to 36500 days.");
        return errors;
    }

    internal void ApplyTo(Product product, DateTime now)
    {
        product.Name = Name!.Trim();
        product.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        product.RetentionDays = RetentionDays ?? Product.DefaultRetentionDays;
        product.UpdatedAt = now;
    }
}
