namespace TrackStack.Training.Domain;

internal enum RecordKind
{
    HeaviestWeight,
    BestE1rm,
    MostRepsAtWeight,
    BestSessionVolume,
}

/// <summary>What records are made of: a set that counts (not a warm-up) with its workout.</summary>
internal readonly record struct SetFact(Guid WorkoutId, DateTime StartedAt, Guid ExerciseId, SetKind Kind, double? WeightKg, int? Reps);

/// <summary>A record: its value (kg, kg, reps, kg·reps), the weight for reps-at-weight, and where it was set.</summary>
internal sealed record PersonalRecord(RecordKind Kind, Guid ExerciseId, double Value, double? WeightKg, Guid WorkoutId, DateTime StartedAt, double? Previous = null);

/// <summary>The four records of ADR 0018, per exercise. Weights are compared at 0.01 kg (an import's pounds
/// converted twice must not make a new weight). An exercise's first session sets the marks but is not announced
/// as a record: beating something is what makes one.</summary>
internal static class PersonalRecords
{
    public static string WeightKey(double? kg) => Math.Round(kg ?? 0, 2).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The current bests per exercise, the earliest set reaching a mark keeping it.</summary>
    public static List<PersonalRecord> Bests(IEnumerable<SetFact> sets, E1rmFormula formula)
    {
        var result = new List<PersonalRecord>();
        foreach (var exercise in sets.Where(s => s.Kind.Counts()).GroupBy(s => s.ExerciseId))
        {
            var ordered = exercise.OrderBy(s => s.StartedAt).ThenBy(s => s.WorkoutId).ToList();
            var marks = new Marks();
            foreach (var s in ordered) marks.Add(s, formula);
            foreach (var session in ordered.GroupBy(s => s.WorkoutId)) marks.AddSession(session.ToList());
            result.AddRange(marks.All(exercise.Key));
        }
        return result;
    }

    /// <summary>The records the workout's sets set against everything logged before it (by start time). A mark
    /// the workout only equals is no record.</summary>
    public static List<PersonalRecord> Detect(IEnumerable<SetFact> earlier, IReadOnlyList<SetFact> workout, E1rmFormula formula)
    {
        var found = new List<PersonalRecord>();
        var before = earlier.Where(s => s.Kind.Counts()).ToLookup(s => s.ExerciseId);
        foreach (var exercise in workout.Where(s => s.Kind.Counts()).GroupBy(s => s.ExerciseId))
        {
            if (!before[exercise.Key].Any()) continue;
            var old = new Marks();
            foreach (var s in before[exercise.Key]) old.Add(s, formula);
            foreach (var session in before[exercise.Key].GroupBy(s => s.WorkoutId)) old.AddSession(session.ToList());
            var now = new Marks();
            foreach (var s in exercise) now.Add(s, formula);
            now.AddSession(exercise.ToList());
            foreach (var record in now.All(exercise.Key))
            {
                var previous = old.ValueOf(record.Kind, record.WeightKg);
                if (previous is null && record.Kind == RecordKind.MostRepsAtWeight) continue; // a weight never lifted before
                if (previous is null || record.Value > previous.Value + 1e-9) found.Add(record with { Previous = previous });
            }
        }
        return found;
    }

    private sealed class Marks
    {
        private PersonalRecord? _heaviest, _e1rm, _volume;
        private readonly Dictionary<string, PersonalRecord> _reps = new(StringComparer.Ordinal);

        public void Add(SetFact s, E1rmFormula formula)
        {
            if (s.Reps is not ({ } reps and > 0)) return;
            if (s.WeightKg is { } w and > 0)
            {
                if (_heaviest is null || w > _heaviest.Value + 1e-9) _heaviest = new(RecordKind.HeaviestWeight, s.ExerciseId, w, w, s.WorkoutId, s.StartedAt);
                if (E1rm.Estimate(w, reps, formula) is { } e && (_e1rm is null || e > _e1rm.Value + 1e-9))
                {
                    _e1rm = new(RecordKind.BestE1rm, s.ExerciseId, e, w, s.WorkoutId, s.StartedAt);
                }
            }
            var key = WeightKey(s.WeightKg);
            if (!_reps.TryGetValue(key, out var best) || reps > best.Value)
            {
                _reps[key] = new(RecordKind.MostRepsAtWeight, s.ExerciseId, reps, Math.Round(s.WeightKg ?? 0, 2), s.WorkoutId, s.StartedAt);
            }
        }

        public void AddSession(List<SetFact> session)
        {
            var volume = session.Sum(s => (s.WeightKg ?? 0) * (s.Reps ?? 0));
            if (volume > 0 && (_volume is null || volume > _volume.Value + 1e-9))
            {
                _volume = new(RecordKind.BestSessionVolume, session[0].ExerciseId, volume, null, session[0].WorkoutId, session[0].StartedAt);
            }
        }

        public double? ValueOf(RecordKind kind, double? weightKg) => kind switch
        {
            RecordKind.HeaviestWeight => _heaviest?.Value,
            RecordKind.BestE1rm => _e1rm?.Value,
            RecordKind.BestSessionVolume => _volume?.Value,
            _ => _reps.TryGetValue(WeightKey(weightKg), out var r) ? r.Value : null,
        };

        public IEnumerable<PersonalRecord> All(Guid exerciseId)
        {
            if (_heaviest is not null) yield return _heaviest;
            if (_e1rm is not null) yield return _e1rm;
            if (_volume is not null) yield return _volume;
            foreach (var r in _reps.Values.OrderByDescending(r => r.WeightKg)) yield return r;
        }
    }
}

internal static class RecordKinds
{
    public static string Wire(this RecordKind kind) => kind switch
    {
        RecordKind.HeaviestWeight => "heaviestWeight",
        RecordKind.BestE1rm => "bestE1rm",
        RecordKind.MostRepsAtWeight => "mostRepsAtWeight",
        _ => "bestSessionVolume",
    };
}
