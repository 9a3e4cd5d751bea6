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

/// <summary>One day's heating figures: Units of fuel used (in the household's unit; refills count on the day they
/// were put in, a meter interval's use is spread evenly over its days), Kwh the same as energy (Units × the
/// settings' kWh per unit), Hdd the heating degree days (max(0, base − daily mean), the settings' base; null
/// without a temperature). Null Units and Kwh: nothing was used that day as far as the entries say.</summary>
public sealed record HeatingDay(DateOnly Date, double? Units, double? Kwh, double? Hdd);

/// <summary>The heating figures of every day in [From, To] are now Days (a day not listed has none). Published by
/// every change of refills, meter readings, temperatures or the settings the figures depend on (fuel, unit, kWh
/// per unit, meter or refills, base temperature), over the days that change. Version is the household's own
/// counter of these events (+1 each): a consumer applies a day only from an event newer than the one it holds.</summary>
[EventType("heating.days-changed.v1")]
public sealed record HeatingDaysChanged(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, DateOnly From, DateOnly To, string Fuel, string Unit,
    IReadOnlyList<HeatingDay> Days, long Version) : IHouseholdEvent;
