namespace TrackStack.Expenses.Features.ChangeEntriesInBulk;

/// <summary>action: "categorise" (with categoryId, or null for no category) or "delete".</summary>
public sealed record BulkEntriesRequest(IReadOnlyList<Guid>? Ids, string? Action, Guid? CategoryId);

/// <summary>changed: how many entries were changed or deleted; notFound: ids that are not entries of this household
/// (already deleted, or never its own), which were left alone.</summary>
public sealed record BulkEntriesResponse(int Changed, IReadOnlyList<Guid> NotFound);

internal static class ChangeEntriesInBulk
{
    public const int MaxIds = 500;

    public static void MapChangeEntriesInBulk(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/entries/bulk", HandleAsync)
            .WithSummary("Re-categorise or delete several entries at once")
            .WithDescription("All or nothing, in one transaction: a closed month among them refuses the whole request (409). Ids of other households are treated as unknown: listed in notFound and never touched. Re-categorising a split entry puts all of it in the one category.");

    private enum BulkAction { Categorise, Delete }

    internal static async Task<Results<Ok<BulkEntriesResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, BulkEntriesRequest request, ExpensesDb db, MonthSheets months, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var ids = (request.Ids ?? []).Distinct().ToList();
        errors.Check(ids.Count is >= 1 and <= MaxIds, "ids", $"Select 1 to {MaxIds} entries.");
        if (!EnumNames.TryParse<BulkAction>(request.Action, out var action)) errors.Add("action", "Use categorise or delete.");
        if (action == BulkAction.Categorise && request.CategoryId is { } category && !await db.Categories.AnyAsync(c => c.Id == category, ct))
            errors.Add("categoryId", "This category does not exist in the household.");
        if (errors.Any) return errors.ToResult();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The household filter keeps another household's ids out of this list.
        var entries = await db.Entries.Include(e => e.Parts).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        foreach (var month in entries.Select(e => YearMonth.Of(e.Date)).Distinct())
        {
            if (await months.EnsureWritableAsync(month, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (action == BulkAction.Delete)
        {
            var found = entries.Select(e => e.Id).ToList();
            // As a single delete: a ticked obligation goes back to pending when its entry disappears.
            foreach (var obligation in await db.Obligations.Where(o => o.EntryId != null && found.Contains(o.EntryId.Value)).ToListAsync(ct))
            {
                obligation.EntryId = null;
                obligation.Status = ObligationStatus.Pending;
                obligation.DoneAt = null;
            }
            db.Entries.RemoveRange(entries);
        }
        else
        {
            foreach (var entry in entries)
            {
                entry.CategoryId = request.CategoryId;
                entry.Parts.Clear();
                entry.UpdatedAt = now;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var notFound = ids.Except(entries.Select(e => e.Id)).ToList();
        return TypedResults.Ok(new BulkEntriesResponse(entries.Count, notFound));
    }
}
