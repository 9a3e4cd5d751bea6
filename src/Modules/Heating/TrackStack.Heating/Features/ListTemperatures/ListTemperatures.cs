namespace TrackStack.Heating.Features.ListTemperatures;

public sealed record TemperatureResponse(DateOnly Date, double MeanC, string Source);

/// <summary>Not paged: the answer is a date range, and a household has at most one mean per day (the key is
/// household and date), so the range bounds the rows. At most 40 years (14,640 rows, about 0.7 MB) at once.</summary>
internal static class ListTemperatures
{
    public const int MaxListDays = 40 * 366;

    public static void MapListTemperatures(this RouteGroupBuilder heating) =>
        heating.MapGet("/temperatures", HandleAsync).WithSummary("Daily mean outdoor temperatures (default: the last 365 days)");

    internal static async Task<Results<Ok<TemperatureResponse[]>, ValidationProblem>> HandleAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        InputChecks.CheckRange(errors, from, to);
        if (errors.Any) return errors.ToResult();
        var end = to ?? http.GetHouseholdAccess().Today(clock);
        var start = from ?? end.AddDays(-364);
        errors.Check(end.DayNumber - start.DayNumber < MaxListDays, "from", "Ask for at most 40 years at once.");
        if (errors.Any) return errors.ToResult();
        var rows = await db.Temperatures.AsNoTracking()
            .Where(t => t.Date >= start && t.Date <= end)
            .OrderBy(t => t.Date)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(t => new TemperatureResponse(t.Date, t.MeanC, SourceWire(t.Source))).ToArray());
    }

    private static string SourceWire(TemperatureSource source) => source switch
    {
        TemperatureSource.Manual => "manual",
        TemperatureSource.Import => "import",
        TemperatureSource.OpenMeteo => "open-meteo",
        _ => source.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
