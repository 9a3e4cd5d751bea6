using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Heating.Contracts;

/// <summary>A fuel purchase with a price was recorded. Expenses turns it into one expense entry
/// (TotalPriceCents in the household currency; Quantity in Unit, e.g. 70 "bag"). In all three events Version is the
/// purchase's own counter (1 when recorded, +1 per change, the delete one more): a consumer applies an event only
/// when it is newer than what it holds, so two changes within the same millisecond keep their order. Events stored
/// before versions existed carry 0.</summary>
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
