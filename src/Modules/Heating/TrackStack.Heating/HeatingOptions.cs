namespace TrackStack.Heating;

/// <summary>Settings of the heating module, bound from TrackStack:Heating (TrackStack__Heating__OpenMeteoUrl).</summary>
internal sealed class HeatingOptions
{
    public const string Section = "TrackStack:Heating";

    /// <summary>Open-Meteo's historical weather API (ERA5 reanalysis); another URL for a self-hosted Open-Meteo or tests.</summary>
    public string OpenMeteoUrl { get; set; } = "https://archive-api.open-meteo.com/v1/archive";

    /// <summary>How long a weather request may take.</summary>
    public int WeatherTimeoutSeconds { get; set; } = 20;
}
