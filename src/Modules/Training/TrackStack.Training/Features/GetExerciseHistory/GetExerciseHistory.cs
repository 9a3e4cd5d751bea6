namespace TrackStack.Training.Features.GetExerciseHistory;

internal static class GetExerciseHistory
{
    public static void MapGetExerciseHistory(this RouteGroupBuilder training) =>
        training.MapGet("/exercises/{exerciseId:guid}/history", HandleAsync)
            .WithSummary("A member's sessions of one exercise, newest first, paged: the sets, top weight, best e1RM and volume of each");

    internal static async Task<Results<Ok<PagedResponse<ExerciseSessionResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid exerciseId, Guid? memberId, int? page, int? pageSize, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        if ((await ExerciseCatalog.KnownAsync(db, [exerciseId], ct)).Count == 0) return Problems.NotFound("exercise");
        if (await db.ReadableMemberAsync(http.GetHouseholdAccess(), memberId, ct) is not { } member) return Problems.NotFound("member log");
        var formula = (await db.SettingsOfAsync(member, ct)).Formula;
        var sessions = db.Sets.AsNoTracking().Where(s => s.UserId == member && s.ExerciseId == exerciseId)
            .GroupBy(s => new { s.WorkoutId, s.StartedAt }).Select(g => g.Key);
        var total = await sessions.CountAsync(ct);
        var pageOf = await sessions.OrderByDescending(k => k.StartedAt).ThenBy(k => k.WorkoutId).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var ids = pageOf.Select(k => k.WorkoutId).ToList();
        var sets = await db.Sets.AsNoTracking().Where(s => s.ExerciseId == exerciseId && ids.Contains(s.WorkoutId)).ToListAsync(ct);
        var names = await db.Workouts.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.Name }).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var bySession = sets.ToLookup(s => s.WorkoutId);
        var items = pageOf.Select(k =>
        {
            var own = bySession[k.WorkoutId].OrderBy(s => s.Position).ToList();
            var counted = own.Where(s => s.Kind.Counts()).ToList();
            var e1rm = counted.Select(s => E1rm.Estimate(s.WeightKg, s.Reps, formula)).Max();
            return new ExerciseSessionResponse(k.WorkoutId, names.GetValueOrDefault(k.WorkoutId, ""), k.StartedAt,
                counted.Select(s => s.WeightKg).Max(), e1rm is { } e ? Math.Round(e, 2) : null, WorkoutMapping.Volume(own),
                own.Select(s => new HistorySetResponse(s.Kind.Wire(), s.WeightKg, s.Reps, s.Rpe, s.DurationSeconds, s.DistanceM)).ToList());
        }).ToList();
        return TypedResults.Ok(new PagedResponse<ExerciseSessionResponse>(items, paging.Page, paging.PageSize, total));
    }
}

/// <summary>One session of an exercise: its sets in order and what a chart plots (top weight, best e1RM, volume).</summary>
public sealed record ExerciseSessionResponse(Guid WorkoutId, string WorkoutName, DateTime StartedAt, double? TopWeightKg, double? BestE1rmKg,
    double VolumeKg, IReadOnlyList<HistorySetResponse> Sets);

public sealed record HistorySetResponse(string Kind, double? WeightKg, int? Reps, double? Rpe, int? DurationSeconds, double? DistanceM);
