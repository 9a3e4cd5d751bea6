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

internal static class EditEntry
{
    public static void MapEditEntry(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/entries/{entryId:guid}", GetAsync).WithSummary("One entry");
        expenses.MapPut("/entries/{entryId:guid}", UpdateAsync).WithSummary("Change an entry (all fields)");
        expenses.MapDelete("/entries/{entryId:guid}", DeleteAsync).WithSummary("Delete an entry");
    }

    internal static async Task<Results<Ok<EntryResponse>, ProblemHttpResult>> GetAsync(Guid householdId, Guid entryId, ExpensesDb db, CancellationToken ct)
    {
        var entry = await db.Entries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == householdId, ct);
        return entry is null ? Problems.NotFound("Entry") : TypedResults.Ok(entry.ToResponse(await db.CategoryNamesAsync(householdId, ct)));
    }

    internal static async Task<Results<Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid householdId, Guid entryId, EntryRequest request, ExpensesDb db, MonthSheets months, IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == householdId, ct);
        if (entry is null) return Problems.NotFound("Entry");
        var errors = await EntryValidation.CheckAsync(request, householdId, db, members, ct);
        if (errors.Any) return errors.ToResult();
        foreach (var month in new[] { YearMonth.Of(entry.Date), YearMonth.Of(request.Date!.Value) }.Distinct())
        {
            if (await months.EnsureWritableAsync(householdId, month, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        }
        var paidBy = entry.PaidBy;
        entry.Apply(request);
        entry.PaidBy = request.PaidBy ?? paidBy;
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(entry.ToResponse(await db.CategoryNamesAsync(householdId, ct)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid entryId, ExpensesDb db, MonthSheets months, CancellationToken ct)
    {
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == householdId, ct);
        if (entry is null) return Problems.NotFound("Entry");
        if (await months.EnsureWritableAsync(householdId, YearMonth.Of(entry.Date), ct) is { } closed) return Problems.Conflict("Month closed", closed);
        // A ticked obligation goes back to pending when its entry disappears.
        foreach (var obligation in await db.Obligations.Where(o => o.HouseholdId == householdId && o.EntryId == entryId).ToListAsync(ct))
        {
            obligation.EntryId = null;
            obligation.Status = ObligationStatus.Pending;
            obligation.DoneAt = null;
        }
        db.Entries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
