using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Recurring;

internal static class RecurringTemplateEndpoints
{
    public static void MapRecurringTemplates(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/recurring", ListAsync).WithSummary("Recurring entries (subscriptions, standing orders)");
        expenses.MapPost("/recurring", CreateAsync)
            .WithSummary("Add a recurring entry: monthly on a day, weekly on a weekday (1 = Monday), or yearly on a month and day")
            .WithDescription("Entries due from startDate up to today are posted at once; later ones when they fall due.");
        expenses.MapPut("/recurring/{templateId:guid}", UpdateAsync).WithSummary("Change a recurring entry (already posted entries stay)");
        expenses.MapDelete("/recurring/{templateId:guid}", DeleteAsync).WithSummary("Stop and remove a recurring entry (posted entries stay)");
    }

    internal static async Task<Results<Ok<PagedResponse<RecurringTemplateResponse>>, ValidationProblem>> ListAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.RecurringTemplates.AsNoTracking().Where(t => t.HouseholdId == householdId)
            .OrderBy(t => t.NextDue).ThenBy(t => t.Title).ThenBy(t => t.Id).ToPageAsync(paging, ToResponse, ct));
    }

    internal static async Task<Results<Created<RecurringTemplateResponse>, ValidationProblem>> CreateAsync(
        Guid householdId, RecurringTemplateRequest request, HttpContext http, ExpensesDb db, RecurringPoster poster, HouseholdClock households, CancellationToken ct)
    {
        var (frequency, errors) = await CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var template = new RecurringTemplate { Id = Guid.CreateVersion7(), HouseholdId = householdId, CreatedBy = http.GetHouseholdAccess().UserId };
        Apply(template, request, frequency, await households.TodayAsync(householdId, ct), reschedule: true, isNew: true);
        db.RecurringTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        await poster.PostDueAsync(householdId, ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/recurring/{template.Id}", ToResponse(template));
    }

    internal static async Task<Results<Ok<RecurringTemplateResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid householdId, Guid templateId, RecurringTemplateRequest request, ExpensesDb db, RecurringPoster poster, HouseholdClock households, CancellationToken ct)
    {
        var template = await db.RecurringTemplates.FirstOrDefaultAsync(t => t.Id == templateId && t.HouseholdId == householdId, ct);
        if (template is null) return Problems.NotFound("Recurring entry");
        var (frequency, errors) = await CheckAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        var scheduleChanged = template.Frequency != frequency || template.Day != request.Day || template.MonthOfYear != request.MonthOfYear || template.StartDate != request.StartDate;
        Apply(template, request, frequency, await households.TodayAsync(householdId, ct), scheduleChanged, isNew: false);
        await db.SaveChangesAsync(ct);
        await poster.PostDueAsync(householdId, ct);
        return TypedResults.Ok(ToResponse(template));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid templateId, ExpensesDb db, CancellationToken ct)
    {
        var deleted = await db.RecurringTemplates.Where(t => t.Id == templateId && t.HouseholdId == householdId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? Problems.NotFound("Recurring entry") : TypedResults.NoContent();
    }

    private static async Task<(Frequency Frequency, FieldErrors Errors)> CheckAsync(RecurringTemplateRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((r.Title?.Trim().Length ?? 0) is >= 1 and <= 200, "title", "Enter a title of 1 to 200 characters.");
        errors.Check(r.AmountCents is { } a && a != 0 && Math.Abs(a) <= Entries.EntryValidation.MaxCents, "amountCents", "Enter the amount in cents.");
        var ok = Enum.TryParse<Frequency>(r.Frequency, true, out var frequency) && Enum.IsDefined(frequency);
        if (!ok) errors.Add("frequency", "Use monthly, weekly or yearly.");
        else if (frequency == Frequency.Weekly) errors.Check(r.Day is >= 1 and <= 7, "day", "For weekly, day is the weekday from 1 (Monday) to 7 (Sunday).");
        else errors.Check(r.Day is >= 1 and <= 31, "day", "Day of the month from 1 to 31 (31 means the last day in shorter months).");
        if (ok && frequency == Frequency.Yearly) errors.Check(r.MonthOfYear is >= 1 and <= 12, "monthOfYear", "For yearly, give the month from 1 to 12.");
        if (r.StartDate is null) errors.Add("startDate", "Enter the first date it applies from.");
        else errors.Check(r.StartDate.Value.Year is >= 1900 and <= 2999, "startDate", "Enter a date between 1900 and 2999.");
        errors.Check(r.EndDate is null || r.EndDate.Value.Year is >= 1900 and <= 2999, "endDate", "Enter a date between 1900 and 2999.");
        if (r.StartDate is { } s && r.EndDate is { } e) errors.Check(e >= s, "endDate", "The end date is on or after the start date.");
        errors.Check((r.Note?.Length ?? 0) <= 2000, "note", "Keep the note under 2000 characters.");
        errors.Check((r.Tags?.Count ?? 0) <= 10, "tags", "Use at most 10 tags.");
        errors.Check(r.Tags is null || r.Tags.All(t => t is not null && t.Trim().Length is >= 1 and <= 30), "tags", "Each tag has 1 to 30 characters.");
        if (r.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c && x.HouseholdId == householdId, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        return (frequency, errors);
    }

    private static void Apply(RecurringTemplate t, RecurringTemplateRequest r, Frequency frequency, DateOnly today, bool reschedule, bool isNew)
    {
        t.Title = r.Title!.Trim();
        t.AmountCents = r.AmountCents!.Value;
        t.CategoryId = r.CategoryId;
        t.Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim();
        t.Tags = EntryTags.Join(r.Tags);
        t.Frequency = frequency;
        t.Day = r.Day!.Value;
        t.MonthOfYear = frequency == Frequency.Yearly ? r.MonthOfYear : null;
        t.StartDate = r.StartDate!.Value;
        t.EndDate = r.EndDate;
        t.Active = r.Active ?? true;
        // A new template back-fills from its start date; a changed schedule only applies from today on.
        if (reschedule) t.NextDue = Schedule.FirstOnOrAfter(frequency, t.Day, t.MonthOfYear, isNew || t.StartDate > today ? t.StartDate : today);
    }

    private static RecurringTemplateResponse ToResponse(RecurringTemplate t) =>
        new(t.Id, t.Title, t.AmountCents, t.CategoryId, t.Note, EntryTags.Parse(t.Tags), t.Frequency.ToString().ToLowerInvariant(), t.Day, t.MonthOfYear, t.StartDate, t.EndDate, t.NextDue, t.Active);
}
