using TrackStack.Training.Domain;

namespace TrackStack.UnitTests.Training;

public sealed class PersonalRecordsTests
{
    private static readonly Guid Bench = Guid.NewGuid();
    private static readonly Guid W1 = Guid.NewGuid(), W2 = Guid.NewGuid();
    private static readonly DateTime Day1 = new(2025, 1, 1, 10, 0, 0, DateTimeKind.Utc), Day2 = Day1.AddDays(2);

    private static SetFact Set(Guid workout, DateTime at, double? kg, int reps, SetKind kind = SetKind.Working) => new(workout, at, Bench, kind, kg, reps);

    [Fact]
    public void A_first_session_sets_marks_but_announces_no_record()
    {
        Assert.Empty(PersonalRecords.Detect([], [Set(W1, Day1, 100, 5)], E1rmFormula.Epley));
    }

    [Fact]
    public void Each_kind_is_detected_only_when_beaten_and_warm_ups_never_count()
    {
        var earlier = new[] { Set(W1, Day1, 100, 5), Set(W1, Day1, 100, 5), Set(W1, Day1, 140, 1, SetKind.WarmUp) };
        // Heavier (102.5 > 100), more reps at 100 (6 > 5), e1RM 120 > 116.7; volume 256.25 + 600 = 856.25 < 1000.
        var found = PersonalRecords.Detect(earlier, [Set(W2, Day2, 102.5, 2), Set(W2, Day2, 100, 6), Set(W2, Day2, 150, 1, SetKind.WarmUp)], E1rmFormula.Epley);
        Assert.Equal([RecordKind.HeaviestWeight, RecordKind.BestE1rm, RecordKind.MostRepsAtWeight], found.Select(r => r.Kind));
        Assert.Equal((102.5, 100.0), (found[0].Value, found[0].Previous!.Value));
        Assert.Equal(120, found[1].Value, 9);
        Assert.Equal((6.0, 100.0, 5.0), (found[2].Value, found[2].WeightKg!.Value, found[2].Previous!.Value));
        Assert.All(found, r => Assert.Equal(W2, r.WorkoutId));
    }

    [Fact]
    public void Equalling_a_mark_is_no_record_and_a_new_weight_is_no_reps_record()
    {
        var earlier = new[] { Set(W1, Day1, 100, 5) };
        Assert.Empty(PersonalRecords.Detect(earlier, [Set(W2, Day2, 100, 5)], E1rmFormula.Epley));
        // 90 kg was never lifted: its 8 reps are no "most reps at 90 kg" record; 8 × 90 = 720 > 500 is a volume record.
        var found = PersonalRecords.Detect(earlier, [Set(W2, Day2, 90, 8)], E1rmFormula.Epley);
        Assert.Equal([RecordKind.BestSessionVolume], found.Select(r => r.Kind));
        Assert.Equal((720.0, 500.0), (found[0].Value, found[0].Previous!.Value));
    }

    [Fact]
    public void Bests_keep_the_earliest_set_reaching_a_mark()
    {
        var bests = PersonalRecords.Bests([Set(W1, Day1, 100, 5), Set(W2, Day2, 100, 5), Set(W2, Day2, 60, 12), Set(W2, Day2, 200, 3, SetKind.WarmUp)], E1rmFormula.Brzycki);
        var heaviest = bests.Single(r => r.Kind == RecordKind.HeaviestWeight);
        Assert.Equal((100.0, W1), (heaviest.Value, heaviest.WorkoutId));
        Assert.Equal(W2, bests.Single(r => r.Kind == RecordKind.BestSessionVolume).WorkoutId); // 500 + 720 > 500
        Assert.Equal(112.5, bests.Single(r => r.Kind == RecordKind.BestE1rm).Value, 9);
        Assert.Equal([100.0, 60.0], bests.Where(r => r.Kind == RecordKind.MostRepsAtWeight).Select(r => r.WeightKg!.Value));
    }

    [Fact]
    public void Weights_a_rounding_apart_are_the_same_weight()
    {
        var lb = 225 * E1rm.KgPerLb;
        Assert.DoesNotContain(PersonalRecords.Detect([Set(W1, Day1, Math.Round(lb, 3), 5)], [Set(W2, Day2, lb, 5)], E1rmFormula.Epley),
            r => r.Kind == RecordKind.MostRepsAtWeight);
    }
}
