using System.Text;
using TrackStack.Training.Domain;
using TrackStack.Training.Features.ImportWorkouts;

namespace TrackStack.UnitTests.Training;

public sealed class WorkoutCsvTests
{
    private static ParsedFile Read(string csv) =>
        WorkoutCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), WeightUnit.Kg, out var fatal) ?? throw new InvalidOperationException(fatal);

    [Fact]
    public void Dates_outside_the_years_the_app_logs_are_row_errors_not_an_overflow()
    {
        var file = Read("""
            Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
            9999-12-31 23:00:00,"Late",5h,"Back Extension",1,20.0,10.0,0,0.0,"","",
            1900-01-01 10:00:00,"Early",5m,"Back Extension",1,20.0,10.0,0,0.0,"","",
            2025-08-03 13:04:33,"Midday Workout",5m,"Back Extension",1,20.0,10.0,0,0.0,"","",
            """);
        Assert.Equal(["Midday Workout"], file.Workouts.Select(w => w.Name));
        Assert.Equal(2, file.Errors.Count);
    }
}
