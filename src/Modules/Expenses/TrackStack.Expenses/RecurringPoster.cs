namespace TrackStack.Expenses;

/// <summary>Posts the entries of recurring templates that are due up to "today" in the household's time zone.
/// Each posting is keyed "recurring:{template}:{date}" and written with INSERT ... ON CONFLICT DO NOTHING, so a
/// retried or concurrent run adds nothing twice. Runs in the caller's household scope and transaction.</summary>
internal sealed class RecurringPoster(ExpensesDb db, MonthSheets sheets, TimeProvider clock, ILogger<RecurringPoster> logger)
{
    public async Task<int> PostDueAsync(DateOnly today, CancellationToken ct)
    {
        var due = await db.RecurringTemplates.Where(t => t.Active && t.NextDue <= today).OrderBy(t => t.NextDue).ToListAsync(ct);
        var posted = 0;
        foreach (var template in due) posted += await PostAsync(template, today, ct);
        await db.SaveChangesAsync(ct);
        return posted;
    }

    private async Task<int> PostAsync(RecurringTemplate template, DateOnly today, CancellationToken ct)
    {
        var dates = Schedule.DueUntil(template, today);
        if (dates.Count == 0)
        {
            if (template.EndDate is { } end && template.NextDue > end) template.Active = false;
            return 0;
        }
        var entries = new List<Entry>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var date in dates)
        {
            if (await sheets.EnsureWritableAsync(YearMonth.Of(date), ct) is not null)
            {
                logger.LogInformation("Skipped recurring entry {Template} on {Date}: the month is closed", template.Id, date);
                continue;
            }
            entries.Add(new Entry
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
                SourceRef = $"recurring:{template.Id}:{date:yyyy-MM-dd}",
                PaidBy = template.CreatedBy,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = template.CreatedBy,
                Version = 1,
            });
        }
        var posted = await db.InsertIfMissingAsync(entries, ct);
        // A concurrent run may have posted some of these dates first: only the rows stored here are announced.
        var ids = entries.Select(e => e.Id).ToList();
        var stored = (await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        await EntryEvents.PublishRecordedAsync(db, entries.Where(e => stored.Contains(e.Id)).ToList(), ct);
        template.NextDue = Schedule.After(template.Frequency, template.Day, template.MonthOfYear, dates[^1]);
        if (template.EndDate is { } last && template.NextDue > last) template.Active = false;
        return posted;
    }
}
