namespace TrackStack.Training.Features.LogBodyWeight;

internal static class LogBodyWeight
{
    public static void MapLogBodyWeight(this RouteGroupBuilder training) =>
        training.MapPost("/body-weight", HandleAsync).WithSummary("Log a body weight for the signed-in member (idempotent with a client id)");

    internal static async Task<Results<Created<BodyWeightResponse>, Ok<BodyWeightResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, BodyWeightRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var access = http.GetHouseholdAccess();
        if (await db.BodyWeights.FindEarlierAsync(request.Id, ct) is { } earlier)
        {
            return earlier.Stored is { } stored && stored.UserId == access.UserId
                ? TypedResults.Ok(await db.WithTrendAsync(stored, ct))
                : Problems.Conflict("This id is already used.");
        }
        var errors = new FieldErrors();
        var today = access.Today(clock);
        if (request.Date is not { } date) errors.Add("date", "Give the date.");
        else errors.Check(date <= today.AddDays(1) && date.Year >= 1970, "date", "The date is in the future or before 1970.");
        errors.Check(request.WeightKg is >= 20 and <= 400, "weightKg", "The weight is 20 to 400 kg.");
        if (errors.Any) return errors.ToResult();
        var entry = new BodyWeightEntry
        {
            Id = request.Id ?? Guid.CreateVersion7(), HouseholdId = householdId, UserId = access.UserId, Date = request.Date!.Value,
            WeightKg = Math.Round(request.WeightKg!.Value, 2), CreatedAt = StoredTime.Now(clock),
        };
        var (row, created) = await db.SaveNewAsync(entry, request.Id is not null, ct);
        // A concurrent twin that won the race may be another member's: never answer with it.
        if (!created && row.UserId != access.UserId) return Problems.Conflict("This id is already used.");
        var response = await db.WithTrendAsync(row, ct);
        return created ? TypedResults.Created($"/api/households/{householdId}/training/body-weight/{row.Id}", response) : TypedResults.Ok(response);
    }
}
