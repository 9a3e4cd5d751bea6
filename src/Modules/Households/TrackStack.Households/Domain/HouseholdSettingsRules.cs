using System.Globalization;

namespace TrackStack.Households.Domain;

/// <summary>Checks household settings: an IANA time zone, an ISO 4217 currency and a known locale.</summary>
internal static class HouseholdSettingsRules
{
    private static readonly Lazy<HashSet<string>> Currencies = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try { set.Add(new RegionInfo(culture.Name).ISOCurrencySymbol); }
            catch (ArgumentException) { }
        }
        return set;
    });

    public static string? CheckName(string? name) =>
        (name?.Trim().Length ?? 0) is >= 1 and <= 100 ? null : "Enter a name of 1 to 100 characters.";

    public static string? CheckTimeZone(string? id) =>
        id == "UTC" || (!string.IsNullOrWhiteSpace(id) && id.Contains('/', StringComparison.Ordinal) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            ? null
            : $"'{id}' is not a known time zone; use an IANA name such as Europe/Brussels or America/New_York.";

    public static string? CheckCurrency(string? code) =>
        code is { Length: 3 } && Currencies.Value.Contains(code)
            ? null
            : $"'{code}' is not an ISO 4217 currency code such as EUR, USD or GBP.";

    public static string? CheckLocale(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 20) return "Enter a locale such as en-GB, fr-BE or de-DE.";
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.Name.Length > 0 ? null : "Enter a locale such as en-GB, fr-BE or de-DE.";
        }
        catch (CultureNotFoundException)
        {
            return $"'{name}' is not a known locale; use one such as en-GB, fr-BE or de-DE.";
        }
    }

    /// <summary>The server's zone when it has an IANA name, else UTC: a sensible default for a new household.</summary>
    public static string DefaultTimeZone() =>
        TimeZoneInfo.Local.Id.Contains('/', StringComparison.Ordinal) ? TimeZoneInfo.Local.Id : "UTC";
}
