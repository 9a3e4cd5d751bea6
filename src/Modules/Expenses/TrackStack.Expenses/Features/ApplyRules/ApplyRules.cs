namespace TrackStack.Expenses.Features.ApplyRules;

public sealed record ApplyRulesRequest(bool? OnlyUncategorised, string? Month);

public sealed record ApplyRulesResponse(int Examined, int Updated);

internal static class ApplyRules
{
    public static void MapApplyRules(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/rules/apply", HandleAsync)
            .WithSummary("Run the rules again over existing entries")
            .WithDescription("By default only uncategorised entries change (onlyUncategorised=true); month=yyyy-MM limits it to one month.");

    internal static async Task<Results<Ok<ApplyRulesResponse>, ValidationProblem>> HandleAsync(Guid householdId, ApplyRulesRequest? request, ExpensesDb db, TimeProvider clock, CancellationToken ct)
    {
        // A split entry keeps its parts: the rules never fold it back into one category.
        IQueryable<Entry> query = db.Entries.Where(e => !db.EntryParts.Any(p => p.EntryId == e.Id));
        if (request?.OnlyUncategorised ?? true) query = query.Where(e => e.CategoryId == null);
        if (request?.Month is { } month)
        {
            if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
            query = query.Where(e => e.Date >= m.First && e.Date < m.NextFirst);
        }
        var categoriser = new Categoriser(await db.Rules.AsNoTracking().ToListAsync(ct));
        var closed = await db.Months.Where(s => s.Status == MonthStatus.Closed).Select(s => s.Month).ToListAsync(ct);
        var entries = await query.ToListAsync(ct);
        var updated = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            if (closed.Contains(YearMonth.Of(entry.Date).Key)) continue;
            // Imports keep the memo in the note only when it differs from the payee (the title).
            var category = categoriser.CategoryFor(entry.Title, entry.Note ?? entry.Title);
            if (category is null || category == entry.CategoryId) continue;
            entry.CategoryId = category;
            entry.UpdatedAt = now;
            updated++;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ApplyRulesResponse(entries.Count, updated));
    }
}
