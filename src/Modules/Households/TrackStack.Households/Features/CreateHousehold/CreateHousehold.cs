namespace TrackStack.Households.Features.CreateHousehold;

internal static class CreateHousehold
{
    public static void MapCreateHousehold(this RouteGroupBuilder households) =>
        households.MapPost("", HandleAsync)
            .WithSummary("Create a household; you become its owner")
            .WithDescription("timeZone (IANA), currency (ISO 4217) and locale are optional and default to the server's zone, EUR and en-GB.");

    internal static async Task<Results<Created<HouseholdResponse>, ValidationProblem>> HandleAsync(
        HouseholdSettingsRequest request, HttpContext http, HouseholdsDb db, HouseholdWriter writer, CancellationToken ct)
    {
        var errors = SettingsValidation.Check(request, requireAll: false);
        if (errors.Any) return errors.ToResult();
        var user = http.User;
        var household = writer.Create(request.Name!, request.TimeZone, request.Currency, request.Locale, isPersonal: false,
            user.GetUserId(), user.GetEmail(), user.GetDisplayName());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{household.Id}", household.ToResponse(HouseholdRole.Owner));
    }
}
