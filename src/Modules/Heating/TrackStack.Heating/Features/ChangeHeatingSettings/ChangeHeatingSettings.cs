namespace TrackStack.Heating.Features.ChangeHeatingSettings;

internal static class ChangeHeatingSettings
{
    public static void MapChangeHeatingSettings(this RouteGroupBuilder heating) =>
        heating.MapPut("/settings", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change fuel, unit, energy content, season start, base temperature and weather (owners and admins)");

    internal static async Task<Results<Ok<HeatingSettingsResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, HeatingSettingsRequest request, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (SettingsChange.Read(request, errors) is not { } change) return errors.ToResult();
        var now = StoredTime.Now(clock);
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = HeatingSettings.Defaults(db.HouseholdId, now);
            db.Settings.Add(settings);
        }
        change.ApplyTo(settings, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(settings.ToResponse());
    }
}
