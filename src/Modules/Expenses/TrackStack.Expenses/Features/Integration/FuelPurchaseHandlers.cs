using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;
using TrackStack.Heating.Contracts;

namespace TrackStack.Expenses.Features.Integration;

/// <summary>Heating fuel purchases become expense entries in the configured category (default "Heating").
/// The entry is keyed "heating:{purchaseId}": with the inbox, a redelivered event never adds a second one, and the
/// purchase link drops events that arrive after a newer one or after the delete. System entries are written even
/// into a closed month: a purchase really happened then.</summary>
internal sealed class FuelPurchaseRecorder(ExpensesDb db, BudgetSetup budget, MonthSheets sheets, TimeProvider clock)
{
    public async Task UpsertAsync(Guid householdId, Guid purchaseId, DateTime occurredAt, DateOnly date, double quantity, string unit, string fuel, long? priceCents, string? supplier, Guid user, CancellationToken ct)
    {
        if (!await AcceptAsync(householdId, purchaseId, occurredAt, deleted: false, ct)) return;
        var source = Source(purchaseId);
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.HouseholdId == householdId && e.SourceRef == source, ct);
        if (priceCents is not > 0)
        {
            if (entry is not null) db.Entries.Remove(entry);
            await db.SaveChangesAsync(ct);
            return;
        }
        var settings = await budget.EnsureAsync(householdId, ct);
        var category = settings.FuelCategoryId
            ?? await db.Categories.Where(c => c.HouseholdId == householdId && c.Name == DefaultBudget.HeatingCategory).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        await sheets.EnsureWritableAsync(householdId, YearMonth.Of(date), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entry is null)
        {
            entry = new Entry { Id = Guid.CreateVersion7(), HouseholdId = householdId, Kind = EntryKind.Heating, SourceRef = source, CreatedAt = now, CreatedBy = user, PaidBy = user, CategoryId = category };
            db.Entries.Add(entry);
        }
        entry.Date = date;
        entry.AmountCents = priceCents.Value;
        entry.Title = $"{Label(fuel)}: {quantity.ToString("0.##", CultureInfo.InvariantCulture)} {unit}" + (string.IsNullOrWhiteSpace(supplier) ? "" : $" from {supplier.Trim()}");
        if (entry.Title.Length > 200) entry.Title = entry.Title[..200];
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(Guid householdId, Guid purchaseId, DateTime occurredAt, CancellationToken ct)
    {
        if (!await AcceptAsync(householdId, purchaseId, occurredAt, deleted: true, ct)) return;
        var source = Source(purchaseId);
        await db.Entries.Where(e => e.HouseholdId == householdId && e.SourceRef == source).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>True when this event is newer than anything seen for the purchase and the purchase is not deleted;
    /// records it (saved with the caller's changes).</summary>
    private async Task<bool> AcceptAsync(Guid householdId, Guid purchaseId, DateTime occurredAt, bool deleted, CancellationToken ct)
    {
        var link = await db.FuelPurchases.FirstOrDefaultAsync(l => l.PurchaseId == purchaseId, ct);
        if (link is null)
        {
            db.FuelPurchases.Add(new FuelPurchaseLink { PurchaseId = purchaseId, HouseholdId = householdId, LastEventAt = occurredAt, Deleted = deleted });
            return true;
        }
        if (link.HouseholdId != householdId || link.Deleted || occurredAt <= link.LastEventAt) return false;
        link.LastEventAt = occurredAt;
        link.Deleted = deleted;
        return true;
    }

    private static string Source(Guid purchaseId) => $"heating:{purchaseId}";

    private static string Label(string fuel) => fuel switch
    {
        "woodPellets" => "Wood pellets",
        "naturalGas" => "Natural gas",
        "heatingOil" => "Heating oil",
        "firewood" => "Firewood",
        "electricity" => "Electricity",
        "districtHeat" => "District heat",
        _ => "Fuel",
    };
}

internal sealed class FuelPurchasedHandler(FuelPurchaseRecorder recorder) : IIntegrationEventHandler<FuelPurchased>
{
    public const string Name = "expenses-fuel-purchased";

    public Task HandleAsync(FuelPurchased e, CancellationToken ct) =>
        recorder.UpsertAsync(e.HouseholdId, e.PurchaseId, e.OccurredAt, e.Date, e.Quantity, e.Unit, e.Fuel, e.TotalPriceCents, e.Supplier, e.RecordedBy, ct);
}

internal sealed class FuelPurchaseChangedHandler(FuelPurchaseRecorder recorder) : IIntegrationEventHandler<FuelPurchaseChanged>
{
    public const string Name = "expenses-fuel-purchase-changed";

    public Task HandleAsync(FuelPurchaseChanged e, CancellationToken ct) =>
        recorder.UpsertAsync(e.HouseholdId, e.PurchaseId, e.OccurredAt, e.Date, e.Quantity, e.Unit, e.Fuel, e.TotalPriceCents, e.Supplier, e.RecordedBy, ct);
}

internal sealed class FuelPurchaseDeletedHandler(FuelPurchaseRecorder recorder) : IIntegrationEventHandler<FuelPurchaseDeleted>
{
    public const string Name = "expenses-fuel-purchase-deleted";

    public Task HandleAsync(FuelPurchaseDeleted e, CancellationToken ct) => recorder.RemoveAsync(e.HouseholdId, e.PurchaseId, e.OccurredAt, ct);
}
