using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Heating.Contracts;

/// <summary>A fuel purchase with a price was recorded. Expenses turns it into one expense entry
/// (TotalPriceCents in the household currency; Quantity in Unit, e.g. 70 "bag").</summary>
[EventType("heating.fuel-purchased.v1")]
public sealed record FuelPurchased(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid PurchaseId, DateOnly Date,
    double Quantity, string Unit, string Fuel, long TotalPriceCents, string? Supplier, Guid RecordedBy, long Version = 0) : IHouseholdEvent;

/// <summary>A priced purchase was edited (or a price was added to it): Expenses updates or creates its entry.</summary>
[EventType("heating.fuel-purchase-changed.v1")]
public sealed record FuelPurchaseChanged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid PurchaseId, DateOnly Date,
    double Quantity, string Unit, string Fuel, long? TotalPriceCents, string? Supplier, Guid RecordedBy, long Version = 0) : IHouseholdEvent;

/// <summary>A purchase was deleted: Expenses removes the entry it created for it.</summary>
[EventType("heating.fuel-purchase-deleted.v1")]
public sealed record FuelPurchaseDeleted(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid PurchaseId, long Version = 0) : IHouseholdEvent;
