namespace TrackStack.Heating;

public sealed record PurchaseResponse(
    Guid Id, DateOnly Date, double Quantity, string Unit, long? TotalPriceCents, string? Supplier, string? Note, DateTime CreatedAt, DateTime UpdatedAt);

internal static class PurchaseMapping
{
    public static PurchaseResponse ToResponse(this FuelPurchase p) =>
        new(p.Id, p.Date, p.Quantity, p.Unit.Wire(), p.TotalPriceCents, p.Supplier, p.Note, p.CreatedAt, p.UpdatedAt);
}
