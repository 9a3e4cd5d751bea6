using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Features.Months;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Checklist;

internal static class ObligationEndpoints
{
    public static void MapObligations(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/months/{month}/obligations", ListAsync).WithSummary("The month's obligations, pending and done");
        expenses.MapPost("/months/{month}/obligations/{obligationId:guid}/tick", TickAsync)
            .WithSummary("Tick an obligation: records its entry (amount and date may differ from the template)");
        expenses.MapPost("/months/{month}/obligations/{obligationId:guid}/untick", UntickAsync)
            .WithSummary("Undo a tick: deletes the entry it recorded");
    }

    internal static async Task<Results<Ok<ObligationResponse[]>, ValidationProblem>> ListAsync(Guid householdId, string month, ExpensesDb db, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        var opened = await db.Months.AnyAsync(s => s.HouseholdId == householdId && s.Month == m.Key, ct);
        var items = opened
            ? await db.Obligations.AsNoTracking().Where(o => o.HouseholdId == householdId && o.Month == m.Key).ToListAsync(ct)
            : (await db.ChecklistTemplates.AsNoTracking().Where(t => t.HouseholdId == householdId && t.Active).ToListAsync(ct)).Select(t => MonthSheets.Preview(t, m)).ToList();
        return TypedResults.Ok(items.OrderBy(o => o.Status).ThenBy(o => o.DueDay ?? 99).ThenBy(o => o.Title, StringComparer.CurrentCultureIgnoreCase).Select(o => o.ToResponse()).ToArray());
    }

    internal static async Task<Results<Ok<ObligationResponse>, ValidationProblem, ProblemHttpResult>> TickAsync(
        Guid householdId, string month, Guid obligationId, TickRequest? request, HttpContext http, ExpensesDb db, MonthSheets sheets,
        HouseholdClock households, IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        if (await sheets.EnsureWritableAsync(householdId, m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        // Opening the month on first use copies the templates: find the item either way.
        var obligation = db.Obligations.Local.FirstOrDefault(o => o.Id == obligationId || (o.TemplateId == obligationId && o.Month == m.Key))
            ?? await db.Obligations.FirstOrDefaultAsync(o => o.HouseholdId == householdId && o.Month == m.Key && (o.Id == obligationId || o.TemplateId == obligationId), ct);
        if (obligation is null || obligation.HouseholdId != householdId) return Problems.NotFound("Obligation");
        if (obligation.Status == ObligationStatus.Done) return TypedResults.Ok(obligation.ToResponse());

        var errors = new FieldErrors();
        var amount = request?.AmountCents ?? obligation.AmountCents;
        errors.Check(amount != 0 && Math.Abs(amount) <= Entries.EntryValidation.MaxCents, "amountCents", "Enter the amount paid in cents.");
        var today = await households.TodayAsync(householdId, ct);
        var date = request?.Date ?? (m.Contains(today) ? today : new DateOnly(m.Year, m.Month, Math.Min(obligation.DueDay ?? 1, m.Days)));
        errors.Check(m.Contains(date), "date", $"The date must be in {m}.");
        if (request?.PaidBy is { } paidBy && await members.GetRoleAsync(householdId, paidBy, ct) is null) errors.Add("paidBy", "Choose a member of the household.");
        if (errors.Any) return errors.ToResult();

        var now = clock.GetUtcNow().UtcDateTime;
        var user = http.GetHouseholdAccess().UserId;
        var entry = new Entry
        {
            Id = Guid.CreateVersion7(),
            HouseholdId = householdId,
            Date = date,
            AmountCents = amount,
            Title = obligation.Title,
            CategoryId = obligation.CategoryId,
            Kind = EntryKind.Checklist,
            SourceRef = $"checklist:{obligation.Id}",
            PaidBy = request?.PaidBy ?? user,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = user,
        };
        db.Entries.Add(entry);
        obligation.Status = ObligationStatus.Done;
        obligation.EntryId = entry.Id;
        obligation.DoneAt = now;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(obligation.ToResponse());
    }

    internal static async Task<Results<Ok<ObligationResponse>, ValidationProblem, ProblemHttpResult>> UntickAsync(
        Guid householdId, string month, Guid obligationId, ExpensesDb db, MonthSheets sheets, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        var obligation = await db.Obligations.FirstOrDefaultAsync(o => o.Id == obligationId && o.HouseholdId == householdId && o.Month == m.Key, ct);
        if (obligation is null) return Problems.NotFound("Obligation");
        if (await sheets.EnsureWritableAsync(householdId, m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        if (obligation.EntryId is { } entryId)
        {
            // The entry may have been moved to another month since: that month must be writable too.
            var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == entryId && e.HouseholdId == householdId, ct);
            if (entry is not null)
            {
                if (await sheets.EnsureWritableAsync(householdId, YearMonth.Of(entry.Date), ct) is { } closedToo) return Problems.Conflict("Month closed", closedToo);
                db.Entries.Remove(entry);
            }
        }
        obligation.Status = ObligationStatus.Pending;
        obligation.EntryId = null;
        obligation.DoneAt = null;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(obligation.ToResponse());
    }
}
