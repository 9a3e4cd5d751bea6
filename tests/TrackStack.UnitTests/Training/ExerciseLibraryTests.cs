using TrackStack.Training.Domain;

namespace TrackStack.UnitTests.Training;

public sealed class ExerciseLibraryTests
{
    [Fact]
    public void About_120_exercises_with_distinct_ids_and_names()
    {
        Assert.InRange(ExerciseLibrary.All.Count, 120, 200);
        Assert.Equal(ExerciseLibrary.All.Count, ExerciseLibrary.All.Select(e => e.Id).Distinct().Count());
        Assert.Equal(ExerciseLibrary.All.Count, ExerciseLibrary.All.Select(e => ExerciseNames.Key(e.Name)).Distinct().Count());
        Assert.All(ExerciseLibrary.All, e => Assert.NotEmpty(e.PrimaryMuscles));
        foreach (var type in Enum.GetValues<ExerciseType>()) Assert.Contains(ExerciseLibrary.All, e => e.Type == type);
    }

    [Fact]
    public void No_alias_names_two_exercises()
    {
        var owners = new Dictionary<string, string>();
        foreach (var e in ExerciseLibrary.All)
        {
            foreach (var spelling in e.Aliases.Prepend(e.Name))
            {
                var key = ExerciseNames.Key(spelling);
                if (owners.TryGetValue(key, out var other)) Assert.True(other == e.Name, $"'{spelling}' of {e.Name} is also {other}");
                owners[key] = e.Name;
            }
        }
    }

    [Theory]
    [InlineData("Bench Press (Barbell)", "Bench Press (Barbell)")]
    [InlineData("Barbell Bench Press", "Bench Press (Barbell)")]
    [InlineData("barbell bench-press", "Bench Press (Barbell)")]
    [InlineData("Bench Press", "Bench Press (Barbell)")]
    [InlineData("Tricep Pushdown", "Triceps Pushdown")]
    [InlineData("Dumbbell Bicep Curls", "Bicep Curl (Dumbbell)")]
    [InlineData("Lat pulldown (V-grip)", "Lat Pulldown (V-Grip)")]
    [InlineData("Pull-ups", "Pull Up")]
    public void Spellings_of_one_exercise_find_it(string spelling, string name) =>
        Assert.Equal(name, ExerciseLibrary.FindByName(spelling)?.Name);

    [Fact]
    public void Ids_are_stable_names_of_the_slug() =>
        Assert.Equal(BuiltInExercise.IdOf("bench-press-barbell"), ExerciseLibrary.FindByName("Barbell Bench Press")!.Id);
}
