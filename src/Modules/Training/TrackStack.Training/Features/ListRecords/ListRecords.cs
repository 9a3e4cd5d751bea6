namespace TrackStack.Training.Features.ListRecords;

internal static class ListRecords
{
    public static void MapListRecords(this RouteGroupBuilder training) =>
        training.MapGet("/records", HandleAsync)
            .WithSummary("A member's personal records per exercise (one's own unless memberId names a member who shares), by exercise name, paged");

    internal static async Task<Results<Ok<PagedResponse<ExerciseRecordsResponse>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid? memberId, Guid? exerciseId, int? page, int? pageSize, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        if (await db.ReadableMemberAsync(http.GetHouseholdAccess(), memberId, ct) is not { } member) return Problems.NotFound("member log");
        var settings = await db.SettingsOfAsync(member, ct);
        var query = db.Sets.AsNoTracking().Where(s => s.UserId == member && s.Kind != SetKind.WarmUp);
        if (exerciseId is { } only) query = query.Where(s => s.ExerciseId == only);
        var facts = await query.Select(s => new SetFact(s.WorkoutId, s.StartedAt, s.ExerciseId, s.Kind, s.WeightKg, s.Reps)).ToListAsync(ct);
        var names = await ExerciseCatalog.NamesAsync(db, ct);
        var groups = PersonalRecords.Bests(facts, settings.Formula).GroupBy(r => r.ExerciseId)
            .Select(g => new ExerciseRecordsResponse(g.Key, names.GetValueOrDefault(g.Key, "?"),
                g.FirstOrDefault(r => r.Kind == RecordKind.HeaviestWeight)?.ToResponse(),
                g.FirstOrDefault(r => r.Kind == RecordKind.BestE1rm)?.ToResponse(),
                g.FirstOrDefault(r => r.Kind == RecordKind.BestSessionVolume)?.ToResponse(),
                g.Where(r => r.Kind == RecordKind.MostRepsAtWeight).Select(r => r.ToResponse()).ToList()))
            .OrderBy(r => r.ExerciseName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.ExerciseId)
            .ToList();
        return TypedResults.Ok(new PagedResponse<ExerciseRecordsResponse>(groups.Skip(paging.Skip).Take(paging.PageSize).ToList(), paging.Page, paging.PageSize, groups.Count));
    }
}

/// <summary>An exercise's records: the heaviest weight, best e1RM and best session volume, and the most reps
/// done at each weight (heaviest first).</summary>
public sealed record ExerciseRecordsResponse(Guid ExerciseId, string ExerciseName, RecordResponse? HeaviestWeight, RecordResponse? BestE1rm,
    RecordResponse? BestSessionVolume, IReadOnlyList<RecordResponse> MostRepsAtWeight);
