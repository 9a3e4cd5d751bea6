using System.Text;
using CsvHelper;

namespace TrackStack.Training.Features.ExportSets;

internal static class ExportSets
{
    public static void MapExportSets(this RouteGroupBuilder training) =>
        training.MapGet("/export", HandleAsync)
            .WithSummary("Download every set of a member's log as CSV (one's own unless memberId names a member who shares)")
            .WithDescription("One row per set, in workout and set order; weights in kg, times in UTC (ISO 8601). A text cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.");

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid householdId, Guid? memberId, HttpContext http, TrainingDb db, CancellationToken ct)
    {
        if (await db.ReadableMemberAsync(http.GetHouseholdAccess(), memberId, ct) is not { } member) return Problems.NotFound("member log");
        var workouts = await db.Workouts.AsNoTracking().Where(w => w.UserId == member).OrderBy(w => w.StartedAt).ThenBy(w => w.Id).ToListAsync(ct);
        var sets = (await db.Sets.AsNoTracking().Where(s => s.UserId == member).ToListAsync(ct)).ToLookup(s => s.WorkoutId);
        var names = await ExerciseCatalog.NamesAsync(db, ct);
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var h in new[] { "workout_id", "workout", "started_at", "ended_at", "exercise", "exercise_id", "set", "kind", "weight_kg", "reps", "rpe", "duration_seconds", "distance_m", "notes", "workout_notes" }) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var w in workouts)
            {
                foreach (var s in sets[w.Id].OrderBy(s => s.Position))
                {
                    csv.WriteField(w.Id);
                    csv.WriteField(Cell(w.Name));
                    csv.WriteField(w.StartedAt.ToString("O", CultureInfo.InvariantCulture));
                    csv.WriteField(w.EndedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(Cell(names.GetValueOrDefault(s.ExerciseId, "")));
                    csv.WriteField(s.ExerciseId);
                    csv.WriteField(s.Position + 1);
                    csv.WriteField(s.Kind.Wire());
                    csv.WriteField(s.WeightKg?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(s.Reps?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(s.Rpe?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(s.DurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(s.DistanceM?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(Cell(s.Notes ?? ""));
                    csv.WriteField(Cell(w.Notes ?? ""));
                    await csv.NextRecordAsync();
                }
            }
        }
        return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", "trackstack-training-sets.csv");
    }

    private static string Cell(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
