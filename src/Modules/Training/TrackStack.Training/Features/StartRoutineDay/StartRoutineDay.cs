namespace TrackStack.Training.Features.StartRoutineDay;

internal static class StartRoutineDay
{
    public static void MapStartRoutineDay(this RouteGroupBuilder training) =>
        training.MapGet("/routines/{routineId:guid}/days/{day:int}/start", HandleAsync)
            .WithSummary("A workout to start from a routine day: each exercise's target sets pre-filled with the signed-in member's last time and the progression suggestion")
            .WithDescription("Reads only: the client keeps the draft (also offline) and logs the workout when it is done. Last time is the member's latest workout with the exercise; its working and failure sets feed the rule.");

    internal static async Task<Results<Ok<WorkoutDraftResponse>, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid routineId, int day, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        var routine = await db.Routines.AsNoTracking().FirstOrDefaultAsync(r => r.Id == routineId, ct);
        if (routine is null) return Problems.NotFound("routine");
        var days = routine.DaysOf();
        if (day < 0 || day >= days.Count) return Problems.NotFound("routine day");
        var user = http.GetHouseholdAccess().UserId;
        var names = await ExerciseCatalog.NamesAsync(db, ct);
        var exercises = new List<DraftExerciseResponse>();
        foreach (var e in days[day].Exercises)
        {
            var lastWorkout = await db.Sets.AsNoTracking().Where(s => s.UserId == user && s.ExerciseId == e.ExerciseId)
                .OrderByDescending(s => s.StartedAt).Select(s => (Guid?)s.WorkoutId).FirstOrDefaultAsync(ct);
            var last = lastWorkout is { } w
                ? await db.Sets.AsNoTracking().Where(s => s.WorkoutId == w && s.ExerciseId == e.ExerciseId).OrderBy(s => s.Position).ToListAsync(ct)
                : [];
            var working = last.Where(s => s.Kind is SetKind.Working or SetKind.Failure && s.Reps is > 0)
                .Select(s => new LastSet(s.WeightKg ?? 0, s.Reps!.Value)).ToList();
            var suggestion = Progression.Next(e.Rule, working, e.RepMin, e.RepMax, e.IncrementKg);
            var planned = Enumerable.Range(0, e.Sets).Select(i => new DraftSetResponse("working",
                suggestion?.WeightKg ?? (i < working.Count ? working[i].WeightKg : null), suggestion?.Reps ?? e.RepMin)).ToList();
            exercises.Add(new DraftExerciseResponse(e.ExerciseId, names.GetValueOrDefault(e.ExerciseId, "?"), e.Sets, e.RepMin, e.RepMax, e.TargetRpe, e.RestSeconds,
                e.Superset, e.Rule.Wire(), last.Select(s => new DraftSetResponse(s.Kind.Wire(), s.WeightKg, s.Reps)).ToList(),
                suggestion is { } sg ? new SuggestionResponse(sg.WeightKg, sg.Reps, sg.Reason) : null, planned, e.TargetRir));
        }
        return TypedResults.Ok(new WorkoutDraftResponse(routine.Id, day, $"{routine.Name}: {days[day].Name}", exercises));
    }
}

/// <summary>The workout a routine day starts: per exercise the targets, last time's sets, the suggestion and the
/// planned sets (the suggestion's weight and reps, or last time's weight, or empty).</summary>
public sealed record WorkoutDraftResponse(Guid RoutineId, int RoutineDay, string Name, IReadOnlyList<DraftExerciseResponse> Exercises);

public sealed record DraftExerciseResponse(Guid ExerciseId, string ExerciseName, int TargetSets, int RepMin, int RepMax, double? TargetRpe, int RestSeconds,
    string? Superset, string Progression, IReadOnlyList<DraftSetResponse> LastTime, SuggestionResponse? Suggestion, IReadOnlyList<DraftSetResponse> Sets,
    int? TargetRir);

public sealed record DraftSetResponse(string Kind, double? WeightKg, int? Reps);

public sealed record SuggestionResponse(double WeightKg, int Reps, string Reason);
