namespace TrackStack.Training.Features.GetTrainingSettings;

internal static class GetTrainingSettings
{
    public static void MapGetTrainingSettings(this RouteGroupBuilder training) =>
        training.MapGet("/settings", HandleAsync).WithSummary("The signed-in member's training settings: unit, e1RM formula, whether the log is shared");

    internal static async Task<Ok<TrainingSettingsResponse>> HandleAsync(Guid householdId, HttpContext http, TrainingDb db, CancellationToken ct) =>
        TypedResults.Ok((await db.SettingsOfAsync(http.GetHouseholdAccess().UserId, ct)).ToResponse());
}
