using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Heating.Contracts;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;

namespace TrackStack.Heating.Features.Purchases;

/// <summary>Fuel bought. Unit defaults to the settings unit; TotalPriceCents (household currency, optional) makes
/// Expenses record it. Id is optional: a client-chosen UUID makes a repeated create a no-op.</summary>
public sealed record PurchaseRequest(Guid? Id, DateOnly? Date, double? Quantity, string? Unit, long? TotalPriceCents, string? Supplier, string? Note);

public sealed record PurchaseResponse(
    Guid Id, DateOnly Date, double Quantity, string Unit, long? TotalPriceCents, string? Supplier, string? Note, DateTime CreatedAt, DateTime UpdatedAt);

internal static class PurchaseEndpoints
{
    public const long MaxPriceCents = 100_000_000_00; // 100 million in the household currency

    public static void MapPurchases(this RouteGroupBuilder heating)
    {
        heating.MapGet("/purchases", ListAsync).WithSummary("Fuel purchases, newest first, paged, optional from/to");
        heating.MapGet("/purchases/{purchaseId:guid}", GetAsync).WithSummary("One purchase");
        heating.MapPost("/purchases", CreateAsync).WithSummary("Record a purchase (idempotent with a client id); a priced one becomes an expense");
        heating.MapPut("/purchases/{purchaseId:guid}", UpdateAsync).WithSummary("Change a purchase");
        heating.MapDelete("/purchases/{purchaseId:guid}", DeleteAsync).WithSummary("Delete a purchase");
    }

    internal static async Task<Results<Ok<PagedResponse<PurchaseResponse>>, ValidationProblem>> ListAsync(
        Guid householdId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HeatingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        HeatingContext.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var query = db.Purchases.AsNoTracking().Where(x => x.HouseholdId == householdId);
        if (from is { } f) query = query.Where(x => x.Date >= f);
        if (to is { } t) query = query.Where(x => x.Date <= t);
        return TypedResults.Ok(await query.OrderByDescending(x => x.Date).ThenByDescending(x => x.CreatedAt).ThenBy(x => x.Id).ToPageAsync(paging, ToResponse, ct));
    }

    internal static async Task<Results<Ok<PurchaseResponse>, ProblemHttpResult>> GetAsync(Guid householdId, Guid purchaseId, HeatingDb db, CancellationToken ct)
    {
        var purchase = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == purchaseId && x.HouseholdId == householdId, ct);
        return purchase is null ? Problems.NotFound("Purchase") : TypedResults.Ok(ToResponse(purchase));
    }

    internal static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid householdId, PurchaseRequest request, HttpContext http, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        if (request.Id is { } clientId && clientId != Guid.Empty)
        {
            var existing = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == clientId, ct);
            if (existing is not null)
            {
                return existing.HouseholdId == householdId ? TypedResults.Ok(ToResponse(existing)) : Problems.Conflict("This id is already used.");
            }
        }
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var (errors, unit) = Validate(request, settings, today);
        if (errors.Any) return errors.ToResult();

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = http.GetHouseholdAccess().UserId;
        var purchase = new FuelPurchase { Id = request.Id ?? Guid.NewGuid(), HouseholdId = householdId, CreatedAt = now, CreatedBy = userId };
        Apply(purchase, request, unit, now);
        db.Purchases.Add(purchase);
        if (purchase.TotalPriceCents is { } price)
        {
            // Same SaveChanges, same transaction: the expense exists if and only if the purchase does.
            db.PublishEvent(new FuelPurchased(Guid.NewGuid(), now, householdId, purchase.Id, purchase.Date, purchase.Quantity,
                purchase.Unit.Wire(), settings.Fuel.Wire(), price, purchase.Supplier, userId));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.Id is not null)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == purchase.Id, ct);
            if (stored is null) throw;
            return stored.HouseholdId == householdId ? TypedResults.Ok(ToResponse(stored)) : Problems.Conflict("This id is already used.");
        }
        return TypedResults.Created($"/api/households/{householdId}/heating/purchases/{purchase.Id}", ToResponse(purchase));
    }

    internal static async Task<Results<Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid householdId, Guid purchaseId, PurchaseRequest request, HttpContext http, HeatingDb db, IHouseholdMembershipQuery households,
        TimeProvider clock, CancellationToken ct)
    {
        var purchase = await db.Purchases.FirstOrDefaultAsync(x => x.Id == purchaseId && x.HouseholdId == householdId, ct);
        if (purchase is null) return Problems.NotFound("Purchase");
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var (errors, unit) = Validate(request, settings, today);
        if (request.Id is { } id && id != purchaseId) errors.Add("id", "id cannot be changed.");
        if (errors.Any) return errors.ToResult();

        var wasPriced = purchase.TotalPriceCents is not null;
        var now = clock.GetUtcNow().UtcDateTime;
        Apply(purchase, request, unit, now);
        if (wasPriced || purchase.TotalPriceCents is not null)
        {
            // Expenses updates, creates (a price was added) or drops (the price was removed: null) its entry.
            db.PublishEvent(new FuelPurchaseChanged(Guid.NewGuid(), now, householdId, purchase.Id, purchase.Date, purchase.Quantity,
                purchase.Unit.Wire(), settings.Fuel.Wire(), purchase.TotalPriceCents, purchase.Supplier, http.GetHouseholdAccess().UserId));
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(purchase));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid purchaseId, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var purchase = await db.Purchases.FirstOrDefaultAsync(x => x.Id == purchaseId && x.HouseholdId == householdId, ct);
        if (purchase is null) return Problems.NotFound("Purchase");
        db.Purchases.Remove(purchase);
        // Published for every deletion (a price may have existed earlier); Expenses ignores purchases it never saw.
        db.PublishEvent(new FuelPurchaseDeleted(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, householdId, purchase.Id));
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static (FieldErrors Errors, FuelUnit Unit) Validate(PurchaseRequest r, HeatingSettings settings, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Check(r.Id != Guid.Empty, "id", "id must not be the empty UUID.");
        HeatingContext.CheckRecordDate(errors, r.Date, today);
        if (r.Quantity is not { } quantity) errors.Add("quantity", "quantity is required.");
        else errors.Check(quantity is > 0 and <= 1_000_000, "quantity", "quantity must be above 0 and at most 1000000.");
        var unit = r.Unit is null ? settings.Unit : FuelCatalog.ParseUnit(r.Unit);
        if (unit is null || settings.Profile.ToProfileUnits(1, unit.Value) is null)
        {
            var allowed = FuelCatalog.UnitsFor(settings.Fuel).Where(u => settings.Profile.ToProfileUnits(1, u) is not null).Select(u => u.Wire());
            errors.Add("unit", $"unit must be one of {string.Join(", ", allowed)} for {settings.Fuel.Wire()}.");
        }
        errors.Check(r.TotalPriceCents is null or (>= 0 and <= MaxPriceCents), "totalPriceCents", "totalPriceCents must be between 0 and 10000000000.");
        HeatingContext.CheckText(errors, r.Supplier, "supplier", 100);
        HeatingContext.CheckText(errors, r.Note, "note", 500);
        return (errors, unit ?? settings.Unit);
    }

    private static void Apply(FuelPurchase p, PurchaseRequest r, FuelUnit unit, DateTime now)
    {
        p.Date = r.Date!.Value;
        p.Quantity = r.Quantity!.Value;
        p.Unit = unit;
        p.TotalPriceCents = r.TotalPriceCents;
        p.Supplier = HeatingContext.CleanText(r.Supplier);
        p.Note = HeatingContext.CleanText(r.Note);
        p.UpdatedAt = now;
    }

    private static PurchaseResponse ToResponse(FuelPurchase p) =>
        new(p.Id, p.Date, p.Quantity, p.Unit.Wire(), p.TotalPriceCents, p.Supplier, p.Note, p.CreatedAt, p.UpdatedAt);
}
