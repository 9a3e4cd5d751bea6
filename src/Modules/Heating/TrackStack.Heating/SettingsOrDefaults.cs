namespace TrackStack.Heating;

internal static class SettingsOrDefaults
{
    /// <summary>The household's stored settings, or the defaults when no one has changed them yet (not stored:
    /// only a change stores settings). Not tracked: callers read them.</summary>
    public static async Task<HeatingSettings> SettingsOrDefaultsAsync(this HeatingDb db, TimeProvider clock, CancellationToken ct) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct) ?? HeatingSettings.Defaults(db.HouseholdId, StoredTime.Now(clock));
}
