using TrackStack.Heating.Contracts;

namespace TrackStack.Expenses.Features.RecordFuelPurchase;

/// <summary>Heating fuel purchases become expense entries in the configured category (default "Heating").
/// The entry is keyed "heating:{purchaseId}": with the inbox, a redelivered event never adds a second one, and the
/// purchase link drops events older than the last applied (by the purchase's version) or after the delete. System
/// entries are written even into a closed month: a purchase really happened then. Runs in the inbox transaction.</summary>
internal sealed class FuelPurchaseRecorder(ExpensesDb db, BudgetSetup budget, MonthSheets sheets, TimeProvider clock)
{
    public async Task UpsertAsync(FuelPurchaseFacts p, CancellationToken ct)
    {
        if (!await AcceptAsync(p.HouseholdId, p.PurchaseId, p.Version, p.OccurredAt, deleted: false, ct)) return;
        var source = Source(p.PurchaseId);
        var entry = await db.Entries.Include(e => e.Parts).FirstOrDefaultAsync(e => e.SourceRef == source, ct);
        if (p.PriceCents is not > 0)
        {
            if (entry is not null) db.Entries.Remove(entry);
            await db.SaveChangesAsync(ct);
            return;
        }
        var settings = await budget.EnsureAsync(ct);
        var category = settings.FuelCategoryId
            ?? await db.Categories.Where(c => c.Name == DefaultBudget.HeatingCategory).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        await sheets.EnsureWritableAsync(YearMonth.Of(p.Date), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (entry is null)
        {
            entry = new Entry { Id = Guid.CreateVersion7(), HouseholdId = p.HouseholdId, Kind = EntryKind.Heating, SourceRef = source, CreatedAt = now, CreatedBy = p.User, PaidBy = p.User, CategoryId = category };
            db.Entries.Add(entry);
        }
        entry.Date = p.Date;
        entry.AmountCents = p.PriceCents.Value;
        // A member may have split the entry; a new price the parts no longer add up to puts it back in one category.
        if (entry.Parts.Count > 0 && entry.Parts.Sum(x => x.AmountCents) != entry.AmountCents)
        {
            entry.Parts.Clear();
            entry.CategoryId = category;
        }
        entry.Title = $"{Label(p.Fuel)}: {p.Quantity.ToString("0.##", CultureInfo.InvariantCulture)} {p.Unit}" + (string.IsNullOrWhiteSpace(p.Supplier) ? "" : $" from {p.Supplier.Trim()}");
        if (entry.Title.Length > 200) entry.Title = entry.Title[..200];
        entry.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAsync(Guid householdId, Guid purchaseId, long version, DateTime occurredAt, CancellationToken ct)
    {
        if (!await AcceptAsync(householdId, purchaseId, version, occurredAt, deleted: true, ct)) return;
        var source = Source(purchaseId);
        db.Entries.RemoveRange(await db.Entries.Where(e => e.SourceRef == source).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>True when this event is newer than anything applied for the purchase and the purchase is not deleted;
    /// records it (saved with the caller's changes). A link of another household (a purchase id is never shared)
    /// refuses every event.</summary>
    private async Task<bool> AcceptAsync(Guid householdId, Guid purchaseId, long version, DateTime occurredAt, bool deleted, CancellationToken ct)
    {
        var link = await db.FuelPurchases.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.PurchaseId == purchaseId, ct);
        if (link is null)
        {
            db.FuelPurchases.Add(new FuelPurchaseLink { PurchaseId = purchaseId, HouseholdId = householdId, LastEventAt = occurredAt, LastVersion = version, Deleted = deleted });
            return true;
        }
        if (link.HouseholdId != householdId || !link.Accepts(version, occurredAt)) return false;
        link.LastEventAt = occurredAt;
        link.LastVersion = Math.Max(link.LastVersion, version);
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

/// <summary>What a purchase event says, whichever of the two (bought, changed) it was.</summary>
internal sealed record FuelPurchaseFacts(Guid HouseholdId, Guid PurchaseId, long Version, DateTime OccurredAt, DateOnly Date, double Quantity, string Unit, string Fuel, long? PriceCents, string? Supplier, Guid User);
