namespace TrackStack.Households.Features.UpdateHouseholdSettings;

internal static class UpdateHouseholdSettings
{
    public static void MapUpdateHouseholdSettings(this RouteGroupBuilder household) =>
        household.MapPut("", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change name, time zone, currency and locale (owners and admins)");

    internal static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HouseholdSettingsRequest request, HttpContext http, HouseholdsDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = SettingsValidation.Check(request, requireAll: true);
        if (errors.Any) return errors.ToResult();
        var h = await db.Households.FirstOrDefaultAsync(x => x.Id == householdId, ct);
        if (h is null) return Problems.NotFound("Household");
        h.Name = request.Name!.Trim();
        h.TimeZone = request.TimeZone!;
        h.Currency = request.Currency!;
        h.Locale = request.Locale!;
        h.Version++;
        db.PublishEvent(new HouseholdSettingsChanged(Guid.NewGuid(), clock.GetUtcNow().UtcDateTime, h.Id, h.Name, h.TimeZone, h.Currency, h.Locale, h.Version));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(h.ToResponse(http.GetHouseholdAccess().Role));
    }
}
