namespace TrackStack.Heating.Features.LogRefill;

internal static class LogRefill
{
    public static void MapLogRefill(this RouteGroupBuilder heating) =>
        heating.MapPost("/refills", HandleAsync).WithSummary("Record a refill (idempotent with a client id)");

    internal static async Task<Results<Created<RefillResponse>, Ok<RefillResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, RefillRequest request, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        // Before validating: a replayed create is answered with what was stored, even if the rules changed since.
        if (await db.Refills.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            return earlier.Stored is { } stored ? TypedResults.Ok(stored.ToResponse()) : Problems.Conflict("This id is already used.");
        }
        var access = http.GetHouseholdAccess();
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        var errors = request.Validate(settings, access.Today(clock));
        if (errors.Any) return errors.ToResult();

        var now = StoredTime.Now(clock);
        var refill = new Refill { Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, CreatedAt = now, CreatedBy = access.UserId };
        request.ApplyTo(refill, now);
        var (row, created) = await db.SaveNewAsync(refill, clientChoseId: request.Id is not null, ct);
        return created
            ? TypedResults.Created($"/api/households/{householdId}/heating/refills/{row.Id}", row.ToResponse())
            : TypedResults.Ok(row.ToResponse());
    }
}
