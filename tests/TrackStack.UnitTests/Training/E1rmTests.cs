using TrackStack.Training.Domain;

namespace TrackStack.UnitTests.Training;

public sealed class E1rmTests
{
    [Theory]
    [InlineData(100, 1, 100)]          // one rep is the weight
    [InlineData(100, 5, 116.6666667)]  // 100 × (1 + 5/30)
    [InlineData(100, 10, 133.3333333)] // 100 × (1 + 10/30)
    [InlineData(80, 12, 112)]          // 80 × 1.4
    public void Epley_is_weight_times_one_plus_reps_over_thirty(double kg, int reps, double expected) =>
        Assert.Equal(expected, E1rm.Estimate(kg, reps)!.Value, 6);

    [Theory]
    [InlineData(100, 1, 100)]
    [InlineData(100, 5, 112.5)]        // 100 × 36 / 32
    [InlineData(100, 10, 133.3333333)] // 100 × 36 / 27: both agree at 10
    public void Brzycki_is_weight_times_36_over_37_minus_reps(double kg, int reps, double expected) =>
        Assert.Equal(expected, E1rm.Estimate(kg, reps, E1rmFormula.Brzycki)!.Value, 6);

    [Theory]
    [InlineData(100.0, 13)]
    [InlineData(100.0, 0)]
    [InlineData(0.0, 5)]
    [InlineData(null, 5)]
    public void Too_many_reps_none_or_no_weight_estimate_nothing(double? kg, int reps)
    {
        Assert.Null(E1rm.Estimate(kg, reps));
        Assert.Null(E1rm.Estimate(kg, reps, E1rmFormula.Brzycki));
    }
}
