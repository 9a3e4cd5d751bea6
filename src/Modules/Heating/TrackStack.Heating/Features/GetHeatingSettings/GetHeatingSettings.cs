namespace TrackStack.Heating.Features.GetHeatingSettings;

internal static class GetHeatingSettings
{
    public static void MapGetHeatingSettings(this RouteGroupBuilder heating) =>
        heating.MapGet("/settings", HandleAsync).WithSummary("Heating settings (the defaults until an admin changes them)");

    /// <summary>A read writes nothing: until the first change the defaults are answered, not stored.</summary>
    internal static async Task<Ok<HeatingSettingsResponse>> HandleAsync(Guid householdId, HeatingDb db, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok((await db.SettingsOrDefaultsAsync(clock, ct)).ToResponse());
}
