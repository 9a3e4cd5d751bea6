namespace TrackStack.Heating.Features.FetchTemperatures;

public sealed record TemperatureFetchResponse(DateOnly From, DateOnly To, int Days, int Received, int Missing, int Inserted, int Updated, string Source);

internal static class FetchTemperatures
{
    public const int MaxFetchDays = 3660;

    public static void MapFetchTemperatures(this RouteGroupBuilder heating) =>
        heating.MapPost("/temperatures/fetch", HandleAsync).WithSummary("Fetch daily means from Open-Meteo for the home's coordinates");

    internal static async Task<Results<Ok<TemperatureFetchResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HttpContext http, HeatingDb db, IWeatherSource weather, TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.SettingsOrDefaultsAsync(clock, ct);
        if (!settings.WeatherEnabled || settings.Latitude is not { } lat || settings.Longitude is not { } lon)
        {
            return Problems.Conflict("Weather fetching is off", "Set latitude and longitude and turn on weatherEnabled in the heating settings.");
        }
        var household = http.GetHouseholdAccess().Context;
        var today = household.Today(clock);
        var errors = new FieldErrors();
        InputChecks.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var end = to ?? today.AddDays(-1);
        var start = from ?? end.AddDays(-29);
        errors.Check(end <= today, "to", "to cannot be in the future.");
        errors.Check(start >= new DateOnly(1940, 1, 1), "from", "Open-Meteo's history starts in 1940.");
        errors.Check(end.DayNumber - start.DayNumber < MaxFetchDays, "from", $"Fetch at most {MaxFetchDays} days at once.");
        if (errors.Any) return errors.ToResult();

        var result = await weather.GetDailyMeansAsync(lat, lon, start, end, household.TimeZone, ct);
        if (result.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The weather service failed", detail: result.Error);
        }
        var rows = result.Days
            .Where(d => d.MeanC is >= -60 and <= 60 && d.Date >= start && d.Date <= end)
            .GroupBy(d => d.Date)
            .Select(g => (g.Key, Math.Round(g.First().MeanC!.Value, 2)))
            .ToList();
        var (inserted, updated) = await TemperatureStore.StageAsync(db, rows, TemperatureSource.OpenMeteo, StoredTime.Now(clock), ct);
        await db.SaveChangesAsync(ct);
        var days = end.DayNumber - start.DayNumber + 1;
        return TypedResults.Ok(new TemperatureFetchResponse(start, end, days, rows.Count, days - rows.Count, inserted, updated, "open-meteo"));
    }
}
