using CsvHelper;
using CsvHelper.Configuration;

namespace TrackStack.Training.Features.ImportWorkouts;

/// <summary>A workout as an export file has it, in the exporter's local time and with exercise names as text.</summary>
internal sealed record ParsedWorkout(string Name, DateTime StartLocal, DateTime? EndLocal, string? Notes, List<ParsedSet> Sets);

internal sealed record ParsedSet(string Exercise, SetKind Kind, double? WeightKg, int? Reps, double? Rpe, int? DurationSeconds, double? DistanceM, string? Notes);

internal sealed record ParsedFile(string Format, List<ParsedWorkout> Workouts, int SkippedRows, List<string> Errors);

/// <summary>Reads Strong and Hevy CSV exports (ADR 0018 names the columns). Strong: comma or semicolon, one row
/// per set grouped by Date + Workout Name, "Rest Timer" rows skipped, weight in the header's unit or the one
/// given. Hevy: one row per set grouped by title + start_time, 0-based set_index, set_type, literal \n in notes.</summary>
internal static class WorkoutCsv
{
    public const int MaxRows = 200_000;
    private const int MaxErrors = 20;

    /// <summary>Reads the (seekable) file twice: its first line for the delimiter, then the rows as they stream.</summary>
    public static ParsedFile? Read(Stream file, WeightUnit defaultUnit, out string? fatal)
    {
        fatal = null;
        string? first;
        using (var peek = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true)) first = peek.ReadLine();
        if (first is null) { fatal = "The file is empty."; return null; }
        var delimiter = first.Count(c => c == ';') > first.Count(c => c == ',') ? ";" : ",";
        file.Position = 0;
        using var text = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        using var csv = new CsvReader(text, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter, BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false, TrimOptions = TrimOptions.Trim,
        });
        if (!csv.Read() || !csv.ReadHeader()) { fatal = "The file has no header row."; return null; }
        var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        bool Has(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase);
        if (Has("exercise_title") && Has("start_time") && Has("set_index")) return ReadHevy(csv, header, out fatal);
        if (Has("Exercise Name") && Has("Date") && Has("Set Order")) return ReadStrong(csv, header, delimiter == ";", defaultUnit, out fatal);
        fatal = "This is neither a Strong nor a Hevy export: expected the columns Date, Exercise Name, Set Order (Strong) or start_time, exercise_title, set_index (Hevy).";
        return null;
    }

    private static ParsedFile? ReadStrong(CsvReader csv, string[] header, bool commaDecimals, WeightUnit defaultUnit, out string? fatal)
    {
        fatal = null;
        string? Col(params string[] names) => names.FirstOrDefault(n => header.Contains(n, StringComparer.OrdinalIgnoreCase));
        var weightCol = Col("Weight (kg)", "Weight (lbs)", "Weight (lb)", "Weight");
        var unit = weightCol is null ? defaultUnit
            : weightCol.Contains("(kg)", StringComparison.OrdinalIgnoreCase) ? WeightUnit.Kg
            : weightCol.Contains("(lb", StringComparison.OrdinalIgnoreCase) ? WeightUnit.Lb : defaultUnit;
        var distanceCol = Col("Distance (km)", "Distance (m)", "Distance (mi)", "Distance");
        var errors = new List<string>();
        var workouts = new Dictionary<(DateTime, string), ParsedWorkout>();
        var skipped = 0;
        var rows = 0;
        while (csv.Read())
        {
            if (++rows > MaxRows) { fatal = $"The file has more than {MaxRows:N0} rows."; return null; }
            var line = csv.Parser.RawRow;
            string Get(string? name) => name is null ? "" : (csv.GetField(name) ?? "").Trim();
            var order = Get("Set Order");
            if (order.Equals("Rest Timer", StringComparison.OrdinalIgnoreCase)) { skipped++; continue; }
            // Years the app logs (1970 on): a year-9999 date would overflow when the duration is added.
            if (!DateTime.TryParse(Get("Date"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || start.Year is < 1970 or > 9000)
            {
                Error(errors, line, $"the date '{Get("Date")}' is not a date and time.");
                continue;
            }
            var name = Get("Workout Name");
            var exercise = Get("Exercise Name");
            if (exercise.Length == 0) { Error(errors, line, "the exercise name is missing."); continue; }
            var kind = order.ToUpperInvariant() switch { "W" => SetKind.WarmUp, "D" => SetKind.Drop, "F" => SetKind.Failure, _ => SetKind.Working };
            var weight = Number(Get(weightCol), commaDecimals);
            var kg = weight is { } w && w > 0 ? (unit == WeightUnit.Lb ? w * E1rm.KgPerLb : w) : (double?)null;
            var reps = Number(Get(Col("Reps")), commaDecimals) is { } r && r > 0 ? (int?)Math.Round(r) : null;
            var seconds = Number(Get(Col("Seconds")), commaDecimals) is { } s && s > 0 ? (int?)Math.Round(s) : null;
            var distance = Number(Get(distanceCol), commaDecimals) is { } d && d > 0 ? d * DistanceFactor(distanceCol) : (double?)null;
            var rpe = Number(Get(Col("RPE")), commaDecimals);
            var key = (start, name);
            if (!workouts.TryGetValue(key, out var workout))
            {
                var duration = Duration(Get(Col("Duration")));
                workouts[key] = workout = new ParsedWorkout(name.Length == 0 ? "Workout" : name, start, duration is { } m && m < TimeSpan.FromDays(2) ? start.Add(m) : null,
                    Blank(Get(Col("Workout Notes"))), []);
            }
            workout.Sets.Add(new ParsedSet(exercise, kind, kg, reps, Rpe(rpe), seconds, distance, Blank(Get(Col("Notes")))));
        }
        return new ParsedFile("strong", workouts.Values.ToList(), skipped, errors);
    }

    private static ParsedFile? ReadHevy(CsvReader csv, string[] header, out string? fatal)
    {
        fatal = null;
        string? Col(params string[] names) => names.FirstOrDefault(n => header.Contains(n, StringComparer.OrdinalIgnoreCase));
        var weightCol = Col("weight_kg", "weight_lbs");
        var lb = weightCol == "weight_lbs";
        var distanceCol = Col("distance_km", "distance_miles");
        var errors = new List<string>();
        var workouts = new Dictionary<(string, string), (ParsedWorkout Workout, List<(int Index, ParsedSet Set)> Sets)>();
        var rows = 0;
        while (csv.Read())
        {
            if (++rows > MaxRows) { fatal = $"The file has more than {MaxRows:N0} rows."; return null; }
            var line = csv.Parser.RawRow;
            string Get(string? name) => name is null ? "" : (csv.GetField(name) ?? "").Trim();
            if (HevyTime(Get("start_time")) is not { } start || start.Year is < 1970 or > 9000) { Error(errors, line, $"the start_time '{Get("start_time")}' is not a date and time."); continue; }
            var exercise = Get("exercise_title");
            if (exercise.Length == 0) { Error(errors, line, "the exercise_title is missing."); continue; }
            var title = Get(Col("title"));
            var key = (title, Get("start_time"));
            if (!workouts.TryGetValue(key, out var entry))
            {
                workouts[key] = entry = (new ParsedWorkout(title.Length == 0 ? "Workout" : title, start, HevyTime(Get(Col("end_time"))), Notes(Get(Col("description"))), []), []);
            }
            var kind = Get(Col("set_type")).ToLowerInvariant() switch { "warmup" => SetKind.WarmUp, "dropset" => SetKind.Drop, "failure" => SetKind.Failure, _ => SetKind.Working };
            var weight = Number(Get(weightCol), false);
            var kg = weight is { } w && w > 0 ? (lb ? w * E1rm.KgPerLb : w) : (double?)null;
            var reps = Number(Get(Col("reps")), false) is { } r && r > 0 ? (int?)Math.Round(r) : null;
            var seconds = Number(Get(Col("duration_seconds")), false) is { } s && s > 0 ? (int?)Math.Round(s) : null;
            var distance = Number(Get(distanceCol), false) is { } d && d > 0 ? d * (distanceCol == "distance_miles" ? 1609.344 : 1000) : (double?)null;
            var index = int.TryParse(Get(Col("set_index")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : entry.Sets.Count;
            // Hevy repeats the exercise's notes on every set: keep them once, on its first set.
            var notes = index == 0 ? Notes(Get(Col("exercise_notes"))) : null;
            entry.Sets.Add((index, new ParsedSet(exercise, kind, kg, reps, Rpe(Number(Get(Col("rpe")), false)), seconds, distance, notes)));
        }
        var list = workouts.Values.Select(e => e.Workout with { Sets = e.Sets.Select(s => s.Set).ToList() }).ToList();
        return new ParsedFile("hevy", list, 0, errors);
    }

    private static void Error(List<string> errors, int line, string message)
    {
        if (errors.Count < MaxErrors) errors.Add($"line {line}: {message}");
    }

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>Hevy writes line breaks in notes as the two characters \n.</summary>
    private static string? Notes(string text) => Blank(text.Replace("\\n", "\n", StringComparison.Ordinal));

    private static double? Rpe(double? rpe) => rpe is { } r && r >= 1 && r <= 10 ? Math.Round(r * 2) / 2 : null;

    private static double DistanceFactor(string? column) =>
        column is null ? 1000 : column.Contains("(m)", StringComparison.Ordinal) ? 1 : column.Contains("(mi)", StringComparison.Ordinal) ? 1609.344 : 1000;

    private static double? Number(string text, bool commaDecimals)
    {
        if (text.Length == 0) return null;
        if (commaDecimals) text = text.Replace(',', '.');
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
    }

    private static readonly string[] HevyFormats = ["d MMM yyyy, HH:mm", "dd MMM yyyy, HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    private static DateTime? HevyTime(string text) =>
        DateTime.TryParseExact(text, HevyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>Strong's duration: "5m", "1h 5m", "1h", "45s".</summary>
    private static TimeSpan? Duration(string text)
    {
        var total = TimeSpan.Zero;
        var any = false;
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length < 2 || !int.TryParse(part[..^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0) return null;
            switch (part[^1])
            {
                case 'h': total += TimeSpan.FromHours(n); break;
                case 'm': total += TimeSpan.FromMinutes(n); break;
                case 's': total += TimeSpan.FromSeconds(n); break;
                default: return null;
            }
            any = true;
        }
        return any && total <= TimeSpan.FromHours(24) ? total : null;
    }
}
