using System.ComponentModel.DataAnnotations;

namespace TrackStack.Nutrition;

/// <summary>Operator settings of TrackStack:Nutrition (environment TrackStack__Nutrition__...).</summary>
internal sealed class NutritionOptions
{
    public const string Section = "Nutrition";

    /// <summary>Lets a recipe URL import reach private, loopback and link-local addresses (a recipe server on the
    /// home network, tests). Off: the server's own network is not reachable through it.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long fetching a recipe page may take, redirects included.</summary>
    [Range(1, 120, ErrorMessage = "must be between 1 and 120.")]
    public int FetchTimeoutSeconds { get; set; } = 15;

    /// <summary>Open Food Facts' base URL for barcode lookups (https://world.openfoodfacts.org); empty, the default,
    /// leaves barcode lookup off, so the server makes no request to it.</summary>
    [Url(ErrorMessage = "must be an absolute http(s) URL.")]
    public string? OpenFoodFactsUrl { get; set; }

    [Range(1, 60, ErrorMessage = "must be between 1 and 60.")]
    public int OpenFoodFactsTimeoutSeconds { get; set; } = 10;

    /// <summary>The largest recipe photo upload, in bytes (10 MB); a larger one is a 413. What is stored is smaller:
    /// the photo re-encoded at most 1,600 px on the long side.</summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "must be between 1024 and 104857600 (100 MB).")]
    public long MaxPhotoBytes { get; set; } = 10 * 1024 * 1024;
}
