using TrackStack.Households.Contracts;
using TrackStack.Training.Features.AddExercise;
using TrackStack.Training.Features.ChangeRoutine;
using TrackStack.Training.Features.DeleteBodyWeight;
using TrackStack.Training.Features.ListBodyWeight;
using TrackStack.Training.Features.LogBodyWeight;
using TrackStack.Training.Features.CreateRoutine;
using TrackStack.Training.Features.DeleteRoutine;
using TrackStack.Training.Features.GetRoutine;
using TrackStack.Training.Features.ListRoutines;
using TrackStack.Training.Features.StartRoutineDay;
using TrackStack.Training.Features.ChangeTrainingSettings;
using TrackStack.Training.Features.CorrectWorkout;
using TrackStack.Training.Features.DeleteWorkout;
using TrackStack.Training.Features.ExportSets;
using TrackStack.Training.Features.GetExerciseHistory;
using TrackStack.Training.Features.GetMuscleVolume;
using TrackStack.Training.Features.GetTrainingSettings;
using TrackStack.Training.Features.GetTrainingSummary;
using TrackStack.Training.Features.GetWorkout;
using TrackStack.Training.Features.ImportWorkouts;
using TrackStack.Training.Features.ListExercises;
using TrackStack.Training.Features.ListRecords;
using TrackStack.Training.Features.ListWorkouts;
using TrackStack.Training.Features.LogWorkout;

namespace TrackStack.Training;

/// <summary>Gym training: exercises, workouts and sets, records, imports and routines, under
/// /api/households/{householdId}/training/... Workouts are each member's own (ADR 0018).</summary>
public static class TrainingModule
{
    public const string Name = "training";

    public static ModuleDefinition Definition { get; } = new(Name, (s, c) => s.AddTrainingModule(c), a => a.MapTrainingModule())
    {
        Routes = [ModuleRoute.HouseholdData(Name)],
    };

    public static IServiceCollection AddTrainingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<TrainingDb>(TrainingDb.Module);
        services.AddScoped<ITrainingDigestReader, TrainingDigestReader>();
        services.AddHouseholdDataDeletion<TrainingDb>(Name);
        return services;
    }

    /// <summary>The order here is the order of the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapTrainingModule(this IEndpointRouteBuilder app)
    {
        var training = app.MapHouseholdGroup(Name).WithTags("Training");
        training.MapGetTrainingSettings();
        training.MapChangeTrainingSettings();
        training.MapListExercises();
        training.MapAddExercise();
        training.MapGetExerciseHistory();
        training.MapListWorkouts();
        training.MapGetWorkout();
        training.MapLogWorkout();
        training.MapCorrectWorkout();
        training.MapDeleteWorkout();
        training.MapListRecords();
        training.MapGetMuscleVolume();
        training.MapListRoutines();
        training.MapGetRoutine();
        training.MapCreateRoutine();
        training.MapChangeRoutine();
        training.MapDeleteRoutine();
        training.MapStartRoutineDay();
        training.MapListBodyWeight();
        training.MapLogBodyWeight();
        training.MapDeleteBodyWeight();
        training.MapImportWorkouts();
        training.MapExportSets();
        training.MapGetTrainingSummary();
        return app;
    }
}
