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
        // The first change stores the row. Inserting the defaults if missing, in this transaction, lets two first
        // changes at once both succeed (the later one wins) instead of one failing on the key.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.InsertIfMissingAsync([HeatingSettings.Defaults(householdId, now)], ct);
        var settings = await db.Settings.FirstAsync(ct);
        change.ApplyTo(settings, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(settings.ToResponse());
    }
}
