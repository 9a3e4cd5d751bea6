namespace TrackStack.Training.Features.ListWorkouts;

internal static class ListWorkouts
{
    public static void MapListWorkouts(this RouteGroupBuilder training) =>
        training.MapGet("/workouts", HandleAsync).WithSummary("A member's workouts (one's own unless memberId names a member who shares), newest first, paged");

    internal static async Task<Results<Ok<PagedResponse<WorkoutSummaryResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid? memberId, DateTime? from, DateTime? to, int? page, int? pageSize, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        errors.Check(from is null || to is null || from <= to, "to", "to must not be before from.");
        if (errors.Any) return errors.ToResult();
        if (await db.ReadableMemberAsync(http.GetHouseholdAccess(), memberId, ct) is not { } member) return Problems.NotFound("member log");
        var query = db.Workouts.AsNoTracking().Where(w => w.UserId == member);
        if (from is { } f) { var u = StoredTime.Trim(f); query = query.Where(w => w.StartedAt >= u); }
        if (to is { } t) { var u = StoredTime.Trim(t); query = query.Where(w => w.StartedAt <= u); }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(w => w.StartedAt).ThenBy(w => w.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(w => new { w.Id, w.UserId, w.Name, w.StartedAt, w.EndedAt, w.Source }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var sets = await db.Sets.AsNoTracking().Where(s => ids.Contains(s.WorkoutId)).ToListAsync(ct);
        var byWorkout = sets.ToLookup(s => s.WorkoutId);
        var items = rows.Select(r => new WorkoutSummaryResponse(r.Id, r.UserId, r.Name, r.StartedAt, r.EndedAt, r.Source,
            byWorkout[r.Id].Count(), WorkoutMapping.Volume(byWorkout[r.Id]), byWorkout[r.Id].Select(s => s.ExerciseId).Distinct().Count())).ToList();
        return TypedResults.Ok(new PagedResponse<WorkoutSummaryResponse>(items, paging.Page, paging.PageSize, total));
    }
}
