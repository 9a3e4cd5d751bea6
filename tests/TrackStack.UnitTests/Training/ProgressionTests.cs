using TrackStack.Training.Domain;

namespace TrackStack.UnitTests.Training;

public sealed class ProgressionTests
{
    [Fact]
    public void Double_progression_adds_the_increment_once_every_set_reaches_the_top()
    {
        var next = Progression.Next(ProgressionRule.DoubleProgression, [new(60, 12), new(60, 12), new(60, 12)], 8, 12, 2.5)!.Value;
        Assert.Equal((62.5, 8), (next.WeightKg, next.Reps));
    }

    [Fact]
    public void Double_progression_keeps_the_weight_and_aims_one_above_the_weakest_set()
    {
        var next = Progression.Next(ProgressionRule.DoubleProgression, [new(60, 12), new(60, 10), new(60, 9)], 8, 12, 2.5)!.Value;
        Assert.Equal((60.0, 10), (next.WeightKg, next.Reps));
        // Below the bottom of the range: aim for the bottom.
        Assert.Equal(8, Progression.Next(ProgressionRule.DoubleProgression, [new(60, 5)], 8, 12, 2.5)!.Value.Reps);
        // A back-off set at a lighter weight keeps the top weight from progressing until it too reaches the top.
        Assert.Equal(60.0, Progression.Next(ProgressionRule.DoubleProgression, [new(60, 12), new(50, 12)], 8, 12, 2.5)!.Value.WeightKg);
    }

    [Fact]
    public void Linear_adds_the_increment_every_session_and_none_repeats()
    {
        var linear = Progression.Next(ProgressionRule.Linear, [new(100, 5), new(100, 5)], 5, 5, 5)!.Value;
        Assert.Equal((105.0, 5), (linear.WeightKg, linear.Reps));
        var none = Progression.Next(ProgressionRule.None, [new(100, 5), new(100, 4)], 5, 5, 5)!.Value;
        Assert.Equal((100.0, 5), (none.WeightKg, none.Reps));
    }

    [Fact]
    public void Without_a_last_time_there_is_no_suggestion() =>
        Assert.Null(Progression.Next(ProgressionRule.DoubleProgression, [], 8, 12, 2.5));
}
