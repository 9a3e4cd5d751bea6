using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;

namespace TrackStack.Heating.Features.Refills;

/// <summary>A refill: the quantity put in (units of the settings, e.g. 2 bags), or for metered fuels the meter
/// reading. Id is optional: a client-chosen UUID makes a repeated create a no-op.</summary>
public sealed record RefillRequest(Guid? Id, DateOnly? Date, double? Quantity, double? MeterReading, string? Note);

public sealed record RefillResponse(Guid Id, DateOnly Date, double? Quantity, double? MeterReading, string? Note, DateTime CreatedAt, DateTime UpdatedAt);

internal static class RefillEndpoints
{
    public static void MapRefills(this RouteGroupBuilder heating)
    {
        heating.MapGet("/refills", ListAsync).WithSummary("Refills (or meter readings), newest first, paged, optional from/to");
        heating.MapGet("/refills/{refillId:guid}", GetAsync).WithSummary("One refill");
        heating.MapPost("/refills", CreateAsync).WithSummary("Record a refill (idempotent with a client id)");
        heating.MapPut("/refills/{refillId:guid}", UpdateAsync).WithSummary("Change a refill");
        heating.MapDelete("/refills/{refillId:guid}", DeleteAsync).WithSummary("Delete a refill");
    }

    internal static async Task<Results<Ok<PagedResponse<RefillResponse>>, ValidationProblem>> ListAsync(
        Guid householdId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HeatingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        HeatingContext.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var query = db.Refills.AsNoTracking().Where(r => r.HouseholdId == householdId);
        if (from is { } f) query = query.Where(r => r.Date >= f);
        if (to is { } t) query = query.Where(r => r.Date <= t);
        return TypedResults.Ok(await query.OrderByDescending(r => r.Date).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToPageAsync(paging, ToResponse, ct));
    }

    internal static async Task<Results<Ok<RefillResponse>, ProblemHttpResult>> GetAsync(Guid householdId, Guid refillId, HeatingDb db, CancellationToken ct)
    {
        var refill = await db.Refills.AsNoTracking().FirstOrDefaultAsync(r => r.Id == refillId && r.HouseholdId == householdId, ct);
        return refill is null ? Problems.NotFound("Refill") : TypedResults.Ok(ToResponse(refill));
    }

    internal static async Task<Results<Created<RefillResponse>, Ok<RefillResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid householdId, RefillRequest request, HttpContext http, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        if (request.Id is { } clientId && clientId != Guid.Empty)
        {
            var existing = await db.Refills.AsNoTracking().FirstOrDefaultAsync(r => r.Id == clientId, ct);
            if (existing is not null)
            {
                return existing.HouseholdId == householdId ? TypedResults.Ok(ToResponse(existing)) : Problems.Conflict("This id is already used.");
            }
        }
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var errors = Validate(request, settings, today);
        if (errors.Any) return errors.ToResult();

        var now = clock.GetUtcNow().UtcDateTime;
        var refill = new Refill
        {
            Id = request.Id ?? Guid.NewGuid(),
            HouseholdId = householdId,
            CreatedAt = now,
            CreatedBy = http.GetHouseholdAccess().UserId,
        };
        Apply(refill, request, now);
        db.Refills.Add(refill);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.Id is not null)
        {
            // The same client id raced in twice: answer like the repeat it is.
            db.ChangeTracker.Clear();
            var stored = await db.Refills.AsNoTracking().FirstOrDefaultAsync(r => r.Id == refill.Id, ct);
            if (stored is null) throw;
            return stored.HouseholdId == householdId ? TypedResults.Ok(ToResponse(stored)) : Problems.Conflict("This id is already used.");
        }
        return TypedResults.Created($"/api/households/{householdId}/heating/refills/{refill.Id}", ToResponse(refill));
    }

    internal static async Task<Results<Ok<RefillResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid householdId, Guid refillId, RefillRequest request, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var refill = await db.Refills.FirstOrDefaultAsync(r => r.Id == refillId && r.HouseholdId == householdId, ct);
        if (refill is null) return Problems.NotFound("Refill");
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var errors = Validate(request, settings, today);
        if (request.Id is { } id && id != refillId) errors.Add("id", "id cannot be changed.");
        if (errors.Any) return errors.ToResult();
        Apply(refill, request, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(refill));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid refillId, HeatingDb db, CancellationToken ct)
    {
        var refill = await db.Refills.FirstOrDefaultAsync(r => r.Id == refillId && r.HouseholdId == householdId, ct);
        if (refill is null) return Problems.NotFound("Refill");
        db.Refills.Remove(refill);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static FieldErrors Validate(RefillRequest r, HeatingSettings settings, DateOnly today)
    {
        var errors = new FieldErrors();
        errors.Check(r.Id != Guid.Empty, "id", "id must not be the empty UUID.");
        HeatingContext.CheckRecordDate(errors, r.Date, today);
        if (settings.MeterBased)
        {
            if (r.MeterReading is not { } reading) errors.Add("meterReading", "This fuel is metered: meterReading is required.");
            else errors.Check(reading is >= 0 and <= 1e12, "meterReading", "meterReading must be between 0 and 1e12.");
            errors.Check(r.Quantity is null, "quantity", "This fuel is metered: send meterReading, not quantity.");
        }
        else
        {
            if (r.Quantity is not { } quantity) errors.Add("quantity", $"quantity (in {settings.Unit.Wire()}) is required.");
            else errors.Check(quantity is > 0 and <= 100_000, "quantity", "quantity must be above 0 and at most 100000.");
            errors.Check(r.MeterReading is null, "meterReading", "This fuel is not metered: send quantity, not meterReading.");
        }
        HeatingContext.CheckText(errors, r.Note, "note", 500);
        return errors;
    }

    private static void Apply(Refill refill, RefillRequest r, DateTime now)
    {
        refill.Date = r.Date!.Value;
        refill.Quantity = r.Quantity;
        refill.MeterReading = r.MeterReading;
        refill.Note = HeatingContext.CleanText(r.Note);
        refill.UpdatedAt = now;
    }

    private static RefillResponse ToResponse(Refill r) => new(r.Id, r.Date, r.Quantity, r.MeterReading, r.Note, r.CreatedAt, r.UpdatedAt);
}
