using System.Text.Json;

namespace TrackStack.Training.Features.ImportWorkouts;

/// <summary>The form field 'mappings': a JSON object from an exercise name of the file to the id of an exercise the
/// household has ({"Bench (Bar)": "…"}), what the preview let the member choose for names the library does not know.
/// Names are matched like imports match them (<see cref="ExerciseNames.Key"/>); a name left out becomes a household exercise.</summary>
internal static class ImportMappings
{
    public const int MaxMappings = 500;

    public static async Task<Dictionary<string, Guid>> ReadAsync(string? text, TrainingDb db, FieldErrors errors, CancellationToken ct)
    {
        var byKey = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text)) return byKey;
        Dictionary<string, string?>? raw;
        try { raw = JsonSerializer.Deserialize<Dictionary<string, string?>>(text); }
        catch (JsonException) { raw = null; }
        if (raw is null) { errors.Add("mappings", "mappings is a JSON object from an exercise name of the file to an exercise id."); return byKey; }
        if (raw.Count > MaxMappings) { errors.Add("mappings", $"At most {MaxMappings} names can be mapped."); return byKey; }
        foreach (var (name, value) in raw)
        {
            var key = ExerciseNames.Key(name);
            if (key.Length == 0) { errors.Add("mappings", "A mapped name is empty."); continue; }
            if (!Guid.TryParse(value, out var id)) { errors.Add("mappings", $"'{Short(name)}' maps to something that is not an exercise id."); continue; }
            byKey[key] = id;
        }
        // Another household's exercise is unknown here (the household filter), like one that does not exist.
        var known = await ExerciseCatalog.KnownAsync(db, byKey.Values, ct);
        foreach (var (name, _) in raw.Where(m => Guid.TryParse(m.Value, out var id) && !known.Contains(id)))
            errors.Add("mappings", $"'{Short(name)}' maps to an exercise that does not exist here.");
        return byKey;
    }

    private static string Short(string name) => name[..Math.Min(name.Length, 40)];
}
