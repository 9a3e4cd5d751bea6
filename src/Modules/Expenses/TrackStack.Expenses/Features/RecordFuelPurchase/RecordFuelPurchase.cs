using TrackStack.Heating.Contracts;

namespace TrackStack.Expenses.Features.RecordFuelPurchase;

/// <summary>The three purchase events of Heating, each handled by the recorder.</summary>
internal sealed class RecordFuelPurchase(FuelPurchaseRecorder recorder)
    : IIntegrationEventHandler<FuelPurchased>, IIntegrationEventHandler<FuelPurchaseChanged>, IIntegrationEventHandler<FuelPurchaseDeleted>
{
    public const string Purchased = "expenses-fuel-purchased";
    public const string Changed = "expenses-fuel-purchase-changed";
    public const string Deleted = "expenses-fuel-purchase-deleted";

    public Task HandleAsync(FuelPurchased e, CancellationToken ct) =>
        recorder.UpsertAsync(new(e.HouseholdId, e.PurchaseId, e.Version, e.OccurredAt, e.Date, e.Quantity, e.Unit, e.Fuel, e.TotalPriceCents, e.Supplier, e.RecordedBy), ct);

    public Task HandleAsync(FuelPurchaseChanged e, CancellationToken ct) =>
        recorder.UpsertAsync(new(e.HouseholdId, e.PurchaseId, e.Version, e.OccurredAt, e.Date, e.Quantity, e.Unit, e.Fuel, e.TotalPriceCents, e.Supplier, e.RecordedBy), ct);

    public Task HandleAsync(FuelPurchaseDeleted e, CancellationToken ct) => recorder.RemoveAsync(e.HouseholdId, e.PurchaseId, e.Version, e.OccurredAt, ct);
}
