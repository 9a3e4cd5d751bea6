using System.Globalization;

namespace TrackStack.UnitTests.Heating;

/// <summary>Data sets kept next to the repository (never copied into it): ../shared/data/...</summary>
internal static class SharedData
{
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrackStack.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("TrackStack.sln not found above " + AppContext.BaseDirectory);
        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", relative));
        if (!File.Exists(path)) Assert.Skip($"{path} is not on this machine.");
        return path;
    }

    /// <summary>Seattle daily weather 2012–2015, read independently of the product's CSV parser:
    /// mean = (temp_min + temp_max) / 2.</summary>
    public static IReadOnlyList<(DateOnly Date, double MeanC)> Seattle()
    {
        var lines = File.ReadAllLines(PathOf("weather/seattle-weather.csv"));
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
