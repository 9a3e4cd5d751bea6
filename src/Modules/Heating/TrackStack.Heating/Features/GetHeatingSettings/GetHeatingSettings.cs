namespace TrackStack.Heating.Features.GetHeatingSettings;

internal static class GetHeatingSettings
{
    public static void MapGetHeatingSettings(this RouteGroupBuilder heating) =>
        heating.MapGet("/settings", HandleAsync).WithSummary("Heating settings (created with defaults on first read)");

    internal static async Task<Ok<HeatingSettingsResponse>> HandleAsync(Guid householdId, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = HeatingSettings.Defaults(db.HouseholdId, StoredTime.Now(clock));
            db.Settings.Add(settings);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Two first reads raced: the other one stored the defaults.
                db.ChangeTracker.Clear();
                settings = await db.Settings.FirstAsync(ct);
            }
        }
        return TypedResults.Ok(settings.ToResponse());
    }
}
