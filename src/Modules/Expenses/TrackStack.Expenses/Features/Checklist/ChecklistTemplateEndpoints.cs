using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Checklist;

/// <summary>Monthly obligations to tick off. A template shows up in every month opened later; creating or
/// editing one also updates the still-pending items of open months from the current month on.</summary>
internal static class ChecklistTemplateEndpoints
{
    public static void MapChecklistTemplates(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/checklist", ListAsync).WithSummary("Checklist templates (monthly obligations)");
        expenses.MapPost("/checklist", CreateAsync).WithSummary("Add a monthly obligation");
        expenses.MapPut("/checklist/{templateId:guid}", UpdateAsync).WithSummary("Change an obligation; pending items follow");
        expenses.MapDelete("/checklist/{templateId:guid}", DeleteAsync).WithSummary("Remove an obligation; its pending items go, ticked ones stay");
    }

    internal static async Task<Results<Ok<PagedResponse<ChecklistTemplateResponse>>, ValidationProblem>> ListAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.ChecklistTemplates.AsNoTracking().Where(t => t.HouseholdId == householdId)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Title).ThenBy(t => t.Id).ToPageAsync(paging, ToResponse, ct));
    }

    internal static async Task<Results<Created<ChecklistTemplateResponse>, ValidationProblem>> CreateAsync(
        Guid householdId, ChecklistTemplateRequest request, ExpensesDb db, HouseholdClock households, CancellationToken ct)
    {
        var errors = await CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var template = new ChecklistTemplate { Id = Guid.CreateVersion7(), HouseholdId = householdId };
        Apply(template, request);
        db.ChecklistTemplates.Add(template);
        if (template.Active) await AddToOpenMonthsAsync(db, template, await households.TodayAsync(householdId, ct), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/checklist/{template.Id}", ToResponse(template));
    }

    internal static async Task<Results<Ok<ChecklistTemplateResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid householdId, Guid templateId, ChecklistTemplateRequest request, ExpensesDb db, HouseholdClock households, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == templateId && t.HouseholdId == householdId, ct);
        if (template is null) return Problems.NotFound("Checklist item");
        var errors = await CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        Apply(template, request);
        var today = YearMonth.Of(await households.TodayAsync(householdId, ct));
        // Only pending items of open months from the current month on follow the template: the past stays as it was.
        var openMonths = await db.Months.Where(m => m.HouseholdId == householdId && m.Status == MonthStatus.Open && m.Month >= today.Key).Select(m => m.Month).ToListAsync(ct);
        var pending = await db.Obligations.Where(o => o.HouseholdId == householdId && o.TemplateId == templateId && o.Status == ObligationStatus.Pending && openMonths.Contains(o.Month)).ToListAsync(ct);
        if (template.Active)
        {
            foreach (var o in pending)
            {
                o.Title = template.Title;
                o.AmountCents = template.AmountCents;
                o.CategoryId = template.CategoryId;
                o.DueDay = template.DueDay;
            }
            await AddToOpenMonthsAsync(db, template, today.First, ct);
        }
        else
        {
            db.Obligations.RemoveRange(pending);
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(template));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid templateId, ExpensesDb db, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == templateId && t.HouseholdId == householdId, ct);
        if (template is null) return Problems.NotFound("Checklist item");
        db.Obligations.RemoveRange(await db.Obligations.Where(o => o.HouseholdId == householdId && o.TemplateId == templateId && o.Status == ObligationStatus.Pending).ToListAsync(ct));
        db.ChecklistTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    /// <summary>Adds the template to open months from the current one on that do not have it yet.</summary>
    private static async Task AddToOpenMonthsAsync(ExpensesDb db, ChecklistTemplate template, DateOnly today, CancellationToken ct)
    {
        var from = YearMonth.Of(today).Key;
        var open = await db.Months.Where(m => m.HouseholdId == template.HouseholdId && m.Status == MonthStatus.Open && m.Month >= from).Select(m => m.Month).ToListAsync(ct);
        var having = await db.Obligations.Where(o => o.HouseholdId == template.HouseholdId && o.TemplateId == template.Id).Select(o => o.Month).ToListAsync(ct);
        foreach (var month in open.Except(having)) db.Obligations.Add(MonthSheets.Copy(template, YearMonth.FromKey(month)));
    }

    private static async Task<FieldErrors> CheckAsync(ChecklistTemplateRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((r.Title?.Trim().Length ?? 0) is >= 1 and <= 200, "title", "Enter a title of 1 to 200 characters.");
        errors.Check(r.AmountCents is >= 0 and <= Entries.EntryValidation.MaxCents, "amountCents", "Enter the expected amount in cents (0 when it varies).");
        errors.Check(r.DueDay is null or (>= 1 and <= 31), "dueDay", "The due day is between 1 and 31.");
        if (r.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c && x.HouseholdId == householdId, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        return errors;
    }

    private static void Apply(ChecklistTemplate t, ChecklistTemplateRequest r)
    {
        t.Title = r.Title!.Trim();
        t.AmountCents = r.AmountCents!.Value;
        t.CategoryId = r.CategoryId;
        t.DueDay = r.DueDay;
        t.Active = r.Active ?? true;
        t.SortOrder = r.SortOrder ?? t.SortOrder;
    }

    private static ChecklistTemplateResponse ToResponse(ChecklistTemplate t) => new(t.Id, t.Title, t.AmountCents, t.CategoryId, t.DueDay, t.Active, t.SortOrder);
}

