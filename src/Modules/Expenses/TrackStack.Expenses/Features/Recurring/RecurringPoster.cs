using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Recurring;

/// <summary>Posts the entries of recurring templates that are due (up to today in each household's time zone).
/// Each posting is keyed "recurring:{template}:{date}", so a retried or concurrent run adds nothing twice.</summary>
internal sealed class RecurringPoster(ExpensesDb db, MonthSheets sheets, HouseholdClock households, TimeProvider clock, ILogger<RecurringPoster> logger)
{
    public async Task<int> PostDueAsync(Guid? householdId, CancellationToken ct)
    {
        // No household is ahead of UTC by more than 14 hours: nothing later than that can be due anywhere.
        var latest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(14));
        var due = await db.RecurringTemplates
            .Where(t => t.Active && t.NextDue <= latest && (householdId == null || t.HouseholdId == householdId))
            .OrderBy(t => t.HouseholdId).ThenBy(t => t.NextDue)
            .ToListAsync(ct);
        var posted = 0;
        foreach (var household in due.GroupBy(t => t.HouseholdId))
        {
            var today = await households.TodayAsync(household.Key, ct);
            foreach (var template in household) posted += await PostAsync(template, today, ct);
        }
        return posted;
    }

    private async Task<int> PostAsync(RecurringTemplate template, DateOnly today, CancellationToken ct)
    {
        var dates = Schedule.DueUntil(template, today);
        if (dates.Count == 0)
        {
            if (template.EndDate is { } end && template.NextDue > end) template.Active = false;
            await db.SaveChangesAsync(ct);
            return 0;
        }
        var posted = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var date in dates)
        {
            var source = $"recurring:{template.Id}:{date:yyyy-MM-dd}";
            if (await db.Entries.AnyAsync(e => e.HouseholdId == template.HouseholdId && e.SourceRef == source, ct)) continue;
            if (await sheets.EnsureWritableAsync(template.HouseholdId, YearMonth.Of(date), ct) is not null)
            {
                logger.LogInformation("Skipped recurring entry {Template} on {Date}: the month is closed", template.Id, date);
                continue;
            }
            db.Entries.Add(new Entry
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = template.HouseholdId,
                Date = date,
                AmountCents = template.AmountCents,
                Title = template.Title,
                CategoryId = template.CategoryId,
                Note = template.Note,
                Tags = template.Tags,
                Kind = EntryKind.Recurring,
                SourceRef = source,
                PaidBy = template.CreatedBy,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = template.CreatedBy,
            });
            posted++;
        }
        template.NextDue = Schedule.After(template.Frequency, template.Day, template.MonthOfYear, dates[^1]);
        if (template.EndDate is { } last && template.NextDue > last) template.Active = false;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run posted the same dates first; its entries stand.
            db.ChangeTracker.Clear();
            return 0;
        }
        return posted;
    }
}
