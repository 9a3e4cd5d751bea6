namespace TrackStack.Heating;

/// <summary>A day's mean outdoor temperature as a weather service reports it (null when it has none yet).</summary>
internal readonly record struct DailyMean(DateOnly Date, double? MeanC);

/// <summary>The answer of a weather service: the days, or why there are none.</summary>
internal sealed record WeatherResult(IReadOnlyList<DailyMean> Days, string? Error)
{
    public static WeatherResult Failed(string error) => new([], error);
}

/// <summary>Port: historical daily mean temperatures for a place. The real adapter asks Open-Meteo.</summary>
internal interface IWeatherSource
{
    Task<WeatherResult> GetDailyMeansAsync(double latitude, double longitude, DateOnly from, DateOnly to, string timeZone, CancellationToken ct);
}
