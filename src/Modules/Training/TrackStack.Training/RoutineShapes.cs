using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackStack.Training;

/// <summary>A routine: named days, each an ordered list of exercises with their targets and progression rule.</summary>
public sealed record RoutineRequest(Guid? Id, string? Name, IReadOnlyList<RoutineDayRequest>? Days);

public sealed record RoutineDayRequest(string? Name, IReadOnlyList<RoutineExerciseRequest>? Exercises);

/// <summary>progression: none (default), doubleProgression or linear; incrementKg defaults to 2.5; superset: exercises
/// of a day with the same label alternate; the effort target is an RPE or reps in reserve (targetRir), not both.</summary>
public sealed record RoutineExerciseRequest(Guid? ExerciseId, int? Sets, int? RepMin, int? RepMax, double? TargetRpe, int? RestSeconds,
    string? Superset, string? Progression, double? IncrementKg, int? TargetRir = null);

public sealed record RoutineResponse(Guid Id, string Name, IReadOnlyList<RoutineDayResponse> Days, long Version);

public sealed record RoutineDayResponse(string Name, IReadOnlyList<RoutineExerciseResponse> Exercises);

public sealed record RoutineExerciseResponse(Guid ExerciseId, int Sets, int RepMin, int RepMax, double? TargetRpe, int RestSeconds,
    string? Superset, string Progression, double IncrementKg, int? TargetRir);

internal static class RoutineMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static List<RoutineDay> DaysOf(this Routine r) => JsonSerializer.Deserialize<List<RoutineDay>>(r.Days, Json) ?? [];

    public static string Serialize(List<RoutineDay> days) => JsonSerializer.Serialize(days, Json);

    public static RoutineResponse ToResponse(this Routine r) =>
        new(r.Id, r.Name, r.DaysOf().Select(d => new RoutineDayResponse(d.Name, d.Exercises.Select(e =>
            new RoutineExerciseResponse(e.ExerciseId, e.Sets, e.RepMin, e.RepMax, e.TargetRpe, e.RestSeconds, e.Superset, e.Rule.Wire(), e.IncrementKg, e.TargetRir)).ToList())).ToList(), r.Version);

    /// <summary>Checks the request; the days to store when it is valid.</summary>
    public static async Task<(FieldErrors Errors, List<RoutineDay> Days)> ValidateAsync(this RoutineRequest request, TrainingDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check((request.Name?.Trim().Length ?? 0) is >= 1 and <= 100, "name", "Give a name of 1 to 100 characters.");
        var days = request.Days ?? [];
        errors.Check(days.Count is >= 1 and <= 14, "days", "A routine has 1 to 14 days.");
        var ids = days.Where(d => d?.Exercises is not null).SelectMany(d => d.Exercises!).Where(e => e?.ExerciseId is not null).Select(e => e.ExerciseId!.Value);
        var known = await ExerciseCatalog.KnownAsync(db, ids, ct);
        var result = new List<RoutineDay>();
        for (var d = 0; d < days.Count && d < 14; d++)
        {
            var day = days[d];
            var at = $"days[{d}]";
            if (day is null) { errors.Add(at, "A day is missing."); continue; }
            errors.Check((day.Name?.Trim().Length ?? 0) is >= 1 and <= 50, $"{at}.name", "Give the day a name of 1 to 50 characters.");
            var exercises = day.Exercises ?? [];
            errors.Check(exercises.Count <= 30, $"{at}.exercises", "A day has at most 30 exercises.");
            var list = new List<RoutineExercise>();
            for (var i = 0; i < exercises.Count && i < 30; i++)
            {
                var e = exercises[i];
                var ea = $"{at}.exercises[{i}]";
                if (e is null) { errors.Add(ea, "An exercise is missing."); continue; }
                errors.Check(e.ExerciseId is { } id && known.Contains(id), $"{ea}.exerciseId", "There is no such exercise.");
                var sets = e.Sets ?? 3;
                var min = e.RepMin ?? 8;
                var max = e.RepMax ?? Math.Max(min, 12);
                errors.Check(sets is >= 1 and <= 20, $"{ea}.sets", "Target 1 to 20 sets.");
                errors.Check(min is >= 1 and <= 100, $"{ea}.repMin", "The rep range starts at 1 to 100.");
                errors.Check(max >= min && max <= 100, $"{ea}.repMax", "The top of the range is at least its bottom and at most 100.");
                errors.Check(e.TargetRpe is null or (>= 1 and <= 10), $"{ea}.targetRpe", "The target RPE is 1 to 10.");
                errors.Check(e.TargetRir is null or (>= 0 and <= 10), $"{ea}.targetRir", "The target reps in reserve are 0 to 10.");
                errors.Check(e.TargetRir is null || e.TargetRpe is null, $"{ea}.targetRir", "Give a target RPE or reps in reserve, not both.");
                errors.Check(e.RestSeconds is null or (>= 0 and <= 3600), $"{ea}.restSeconds", "Rest 0 to 3,600 seconds.");
                errors.Check((e.Superset?.Trim().Length ?? 0) <= 10, $"{ea}.superset", "A superset label has at most 10 characters.");
                var rule = Progression.ParseRule(e.Progression);
                errors.Check(rule is not null, $"{ea}.progression", "The progression is none, doubleProgression or linear.");
                errors.Check(e.IncrementKg is null or (> 0 and <= 50), $"{ea}.incrementKg", "The increment is more than 0 and at most 50 kg.");
                if (e.ExerciseId is { } exerciseId && rule is { } r)
                {
                    list.Add(new RoutineExercise(exerciseId, sets, min, max, e.TargetRpe, e.RestSeconds ?? 90,
                        string.IsNullOrWhiteSpace(e.Superset) ? null : e.Superset.Trim(), r, e.IncrementKg ?? 2.5, e.TargetRir));
                }
            }
            result.Add(new RoutineDay(day.Name?.Trim() ?? "", list));
        }
        return (errors, result);
    }
}
