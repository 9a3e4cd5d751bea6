namespace TrackStack.Training.Domain;

/// <summary>The key two spellings of one exercise share: "Bench Press (Barbell)" (Strong, Hevy), "Barbell Bench
/// Press" and "barbell bench-press" all become "barbell bench press" sorted by word. Sorting the words is what lets
/// the equipment stand before the name or in brackets after it; plurals and a few spellings are folded.</summary>
internal static class ExerciseNames
{
    private static readonly Dictionary<string, string> Folded = new(StringComparer.Ordinal)
    {
        ["triceps"] = "tricep", ["biceps"] = "bicep", ["dumbbells"] = "dumbbell", ["db"] = "dumbbell", ["bb"] = "barbell",
        ["curls"] = "curl", ["raises"] = "raise", ["rows"] = "row", ["squats"] = "squat", ["lunges"] = "lunge",
        ["presses"] = "press", ["extensions"] = "extension", ["pushups"] = "pushup", ["pullups"] = "pullup",
        ["chinups"] = "chinup", ["dips"] = "dip", ["flyes"] = "fly", ["flys"] = "fly", ["flies"] = "fly",
        ["deadlifts"] = "deadlift", ["crunches"] = "crunch", ["shrugs"] = "shrug", ["kickbacks"] = "kickback",
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "the", "a", "with", "on" };

    public static string Key(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray();
        var text = new string(chars).Replace("push up", "pushup", StringComparison.Ordinal)
            .Replace("pull up", "pullup", StringComparison.Ordinal).Replace("chin up", "chinup", StringComparison.Ordinal)
            .Replace("sit up", "situp", StringComparison.Ordinal);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Folded.GetValueOrDefault(w, w))
            .Where(w => !Ignored.Contains(w))
            .Order(StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
