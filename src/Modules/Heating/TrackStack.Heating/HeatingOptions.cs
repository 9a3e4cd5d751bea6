using System.ComponentModel.DataAnnotations;

namespace TrackStack.Heating;

/// <summary>Settings of the heating module, bound from TrackStack:Heating (TrackStack__Heating__OpenMeteoUrl).</summary>
internal sealed class HeatingOptions : IValidatableObject
{
    public const string Section = "Heating";

    /// <summary>Open-Meteo's historical weather API (ERA5 reanalysis); another URL for a self-hosted Open-Meteo or tests.</summary>
    public string OpenMeteoUrl { get; set; } = "https://archive-api.open-meteo.com/v1/archive";

    /// <summary>How long a weather request may take.</summary>
    [Range(1, 300, ErrorMessage = "must be between 1 and 300.")]
    public int WeatherTimeoutSeconds { get; set; } = 20;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(OpenMeteoUrl, UriKind.Absolute, out var u) || (u.Scheme != Uri.UriSchemeHttp && u.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("must be an absolute http(s) URL.", [nameof(OpenMeteoUrl)]);
        }
    }
}
