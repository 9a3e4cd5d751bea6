namespace TrackStack.Expenses.Features.RecordExpense;

internal static class RecordExpense
{
    public static void MapRecordExpense(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/entries", HandleAsync)
            .WithSummary("Record an expense (positive) or refund (negative), in cents")
            .WithDescription("Send your own id (UUID) to make the create idempotent: repeating it returns the stored entry (200) instead of adding another. The month opens on first use; a closed month refuses (409).");

    internal static async Task<Results<Created<EntryResponse>, Ok<EntryResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, EntryRequest request, HttpContext http, ExpensesDb db, MonthSheets months, BudgetSetup budget,
        IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Entries.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            if (earlier.Stored is not { } stored) return Problems.Conflict("This id is already used", "Create the entry with another id.");
            await db.LoadPartsAsync([stored], ct);
            return TypedResults.Ok(stored.ToResponse(await db.CategoryNamesAsync(ct)));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct);
        var errors = await EntryValidation.CheckAsync(request, householdId, db, members, ct);
        if (errors.Any) return errors.ToResult();
        if (await months.EnsureWritableAsync(YearMonth.Of(request.Date!.Value), ct) is { } closed)
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
        // The same offline entry replayed twice at once: the first one wins and both get the stored entry.
        var (saved, created) = await db.SaveNewAsync(entry, request.Id is not null, ct);
        await tx.CommitAsync(ct);
        if (!created) await db.LoadPartsAsync([saved], ct);
        var response = saved.ToResponse(await db.CategoryNamesAsync(ct));
        return created ? TypedResults.Created($"/api/households/{householdId}/expenses/entries/{saved.Id}", response) : TypedResults.Ok(response);
    }
}
