namespace TrackStack.Training.Features.ListBodyWeight;

internal static class ListBodyWeight
{
    public static void MapListBodyWeight(this RouteGroupBuilder training) =>
        training.MapGet("/body-weight", HandleAsync)
            .WithSummary("A member's body weights with the 7-day trend, newest first, paged (one's own unless memberId names a member who shares)");

    internal static async Task<Results<Ok<PagedResponse<BodyWeightResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid? memberId, DateOnly? from, DateOnly? to, int? page, int? pageSize, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        errors.Check(from is null || to is null || from <= to, "to", "to must not be before from.");
        if (errors.Any) return errors.ToResult();
        if (await db.ReadableMemberAsync(http.GetHouseholdAccess(), memberId, ct) is not { } member) return Problems.NotFound("member log");
        var query = db.BodyWeights.AsNoTracking().Where(b => b.UserId == member);
        if (from is { } f) query = query.Where(b => b.Date >= f);
        if (to is { } t) query = query.Where(b => b.Date <= t);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(b => b.Date).ThenByDescending(b => b.CreatedAt).ThenBy(b => b.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedResponse<BodyWeightResponse>(await db.WithTrendAsync(member, rows, ct), paging.Page, paging.PageSize, total));
    }
}
