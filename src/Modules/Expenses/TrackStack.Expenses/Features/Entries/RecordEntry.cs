using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Entries;

internal static class RecordEntry
{
    public static void MapRecordEntry(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/entries", HandleAsync)
            .WithSummary("Record an expense (positive) or refund (negative), in cents")
            .WithDescription("Send your own id (UUID) to make the create idempotent: repeating it returns the stored entry (200) instead of adding another. The month opens on first use; a closed month refuses (409).");

    internal static async Task<Results<Created<EntryResponse>, Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, EntryRequest request, HttpContext http, ExpensesDb db, MonthSheets months, BudgetSetup budget,
        IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        if (request.Id is { } existingId)
        {
            var existing = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == existingId, ct);
            if (existing is not null)
            {
                return existing.HouseholdId == householdId
                    ? TypedResults.Ok(existing.ToResponse(await db.CategoryNamesAsync(householdId, ct)))
                    : Problems.Conflict("This id is already used", "Create the entry with another id.");
            }
        }
        await budget.EnsureAsync(householdId, ct);
        var errors = await EntryValidation.CheckAsync(request, householdId, db, members, ct);
        if (errors.Any) return errors.ToResult();
        if (await months.EnsureWritableAsync(householdId, YearMonth.Of(request.Date!.Value), ct) is { } closed)
        {
            return Problems.Conflict("Month closed", closed);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var access = http.GetHouseholdAccess();
        var entry = new Entry
        {
            Id = request.Id ?? Guid.CreateVersion7(),
            HouseholdId = householdId,
            Kind = EntryKind.Manual,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = access.UserId,
        };
        entry.Apply(request);
        entry.PaidBy ??= access.UserId;
        db.Entries.Add(entry);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.Id is not null)
        {
            // The same offline entry replayed twice at once: the first one won, return it.
            db.ChangeTracker.Clear();
            var stored = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == request.Id && e.HouseholdId == householdId, ct);
            if (stored is null) throw;
            return TypedResults.Ok(stored.ToResponse(await db.CategoryNamesAsync(householdId, ct)));
        }
        return TypedResults.Created($"/api/households/{householdId}/expenses/entries/{entry.Id}", entry.ToResponse(await db.CategoryNamesAsync(householdId, ct)));
    }
}
