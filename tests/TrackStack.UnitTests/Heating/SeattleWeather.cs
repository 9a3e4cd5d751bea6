using System.Globalization;

namespace TrackStack.UnitTests.Heating;

/// <summary>The Seattle daily weather file (tests/fixtures/weather, see SOURCES.md), read independently of the product's parser.</summary>
internal static class SeattleWeather
{
    /// <summary>Seattle daily weather 2012–2015, read independently of the product's CSV parser:
    /// mean = (temp_min + temp_max) / 2.</summary>
    public static IReadOnlyList<(DateOnly Date, double MeanC)> Seattle()
    {
        var lines = File.ReadAllLines(TrackStack.Tests.Fixtures.PathOf("weather/seattle-weather.csv"));
        var header = lines[0].Split(',');
        int min = Array.IndexOf(header, "temp_min"), max = Array.IndexOf(header, "temp_max");
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var c = l.Split(',');
            return (DateOnly.ParseExact(c[0], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                (double.Parse(c[min], CultureInfo.InvariantCulture) + double.Parse(c[max], CultureInfo.InvariantCulture)) / 2);
        }).ToList();
    }
}
