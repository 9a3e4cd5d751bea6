namespace TrackStack.Expenses.Features.TickObligation;

public sealed record TickRequest(long? AmountCents, DateOnly? Date, Guid? PaidBy);

internal static class TickObligation
{
    public static void MapTickObligation(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/months/{month}/obligations/{obligationId:guid}/tick", HandleAsync)
            .WithSummary("Tick an obligation: records its entry (amount and date may differ from the template)");

    internal static async Task<Results<Ok<ObligationResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, string month, Guid obligationId, TickRequest? request, HttpContext http, ExpensesDb db, MonthSheets sheets,
        IHouseholdMembershipQuery members, TimeProvider clock, CancellationToken ct)
    {
        if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await sheets.EnsureWritableAsync(m, ct) is { } closed) return Problems.Conflict("Month closed", closed);
        // Opening the month on first use copies the templates: find the item either way.
        var obligation = await db.Obligations.FirstOrDefaultAsync(o => o.Month == m.Key && (o.Id == obligationId || o.TemplateId == obligationId), ct);
        if (obligation is null) return Problems.NotFound("Obligation");
        if (obligation.Status == ObligationStatus.Done) return TypedResults.Ok(obligation.ToResponse());

        var errors = new FieldErrors();
        var amount = request?.AmountCents ?? obligation.AmountCents;
        errors.Check(EntryValidation.IsAmount(amount), "amountCents", "Enter the amount paid in cents.");
        var today = http.GetHouseholdAccess().Today(clock);
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
        await tx.CommitAsync(ct);
        return TypedResults.Ok(obligation.ToResponse());
    }
}
