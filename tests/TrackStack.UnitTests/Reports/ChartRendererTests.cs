using System.Globalization;
using SkiaSharp;
using TrackStack.Reports.Rendering;

namespace TrackStack.UnitTests.Reports;

public sealed class ChartRendererTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(2));

    private static ChartSeries Daily(string name, int days, double scale) =>
        new(name, [.. Enumerable.Range(0, days).Select(i => new ChartPoint(Start.AddDays(i), scale * (1.5 + Math.Sin(i / 7.0))))]);

    [Theory]
    [InlineData("Line")]
    [InlineData("Bar")]
    [InlineData("Area")]
    public void A_chart_is_a_png_of_twice_its_size_with_something_drawn(string kind)
    {
        var png = ChartRenderer.RenderPng(new ChartSpec("Groceries", Enum.Parse<ChartKind>(kind), "EUR", [Daily("Aldi", 30, 40), Daily("Rewe", 30, 25)], German));

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 600), (bitmap.Width, bitmap.Height));
        var (colours, inked) = Ink(bitmap);
        Assert.True(colours > 20, $"{colours} colours");
        Assert.True(inked > 0.03, $"{inked:P1} of the pixels are not background");
    }

    [Fact]
    public void The_size_and_scale_are_the_specs()
    {
        var png = ChartRenderer.RenderPng(new ChartSpec("Power", ChartKind.Line, "kWh", [Daily("x", 10, 3)], German) { Width = 400, Height = 200, Scale = 1 });
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((400, 200), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void Each_series_gets_its_own_colour()
    {
        // The palette's first two colours (#1f5fbf and #12784a) are both in the picture of two series.
        using var bitmap = SKBitmap.Decode(ChartRenderer.RenderPng(new ChartSpec("Heating", ChartKind.Bar, "kWh", [Daily("Gas", 14, 50), Daily("Wood", 14, 20)], German)));
        var seen = Pixels(bitmap).ToHashSet();
        Assert.Contains(new SKColor(0x1f, 0x5f, 0xbf), seen);
        Assert.Contains(new SKColor(0x12, 0x78, 0x4a), seen);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void No_data_is_still_a_png_saying_so(bool noSeries)
    {
        IReadOnlyList<ChartSeries> series = noSeries ? [] : [new ChartSeries("x", []), new ChartSeries("y", [new ChartPoint(Start, double.NaN)])];
        var png = ChartRenderer.RenderPng(new ChartSpec("Nothing yet", ChartKind.Bar, "EUR", series, German));

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 600), (bitmap.Width, bitmap.Height));
        var (_, inked) = Ink(bitmap);
        Assert.True(inked is > 0.002 and < 0.05, $"{inked:P2} inked: the title and the message, no chart");
    }

    [Fact]
    public void The_empty_message_is_the_specs()
    {
        var english = ChartRenderer.RenderPng(new ChartSpec("T", ChartKind.Line, "", [], German));
        var german = ChartRenderer.RenderPng(new ChartSpec("T", ChartKind.Line, "", [], German) { EmptyText = "Keine Daten in diesem Zeitraum" });
        Assert.NotEqual(english, german);
    }

    [Fact]
    public void A_single_point_and_a_target_draw()
    {
        var png = ChartRenderer.RenderPng(new ChartSpec("Weight", ChartKind.Line, "kg", [new ChartSeries("me", [new ChartPoint(Start, 80.5)])], German) { Target = 78 });
        using var bitmap = SKBitmap.Decode(png);
        Assert.True(Ink(bitmap).Inked > 0.01);
    }

    [Fact]
    public void The_same_spec_gives_the_same_pixels()
    {
        var spec = new ChartSpec("Electricity", ChartKind.Area, "kWh", [Daily("House", 90, 1200), Daily("Car", 90, 300)], German) { Target = 4000 };
        Assert.Equal(ChartRenderer.RenderPng(spec), ChartRenderer.RenderPng(spec));
    }

    [Fact]
    public void Sizes_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.RenderPng(new ChartSpec("T", ChartKind.Line, "", [], German) { Width = 20 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartRenderer.RenderPng(new ChartSpec("T", ChartKind.Line, "", [], German) { Scale = 5 }));
    }

    private static IEnumerable<SKColor> Pixels(SKBitmap bitmap)
    {
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                yield return bitmap.GetPixel(x, y);
    }

    /// <summary>The distinct colours and the share of pixels that are not the white background.</summary>
    private static (int Colours, double Inked) Ink(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        long inked = 0;
        foreach (var c in Pixels(bitmap))
        {
            colours.Add(c);
            if (c != SKColors.White) inked++;
        }
        return (colours.Count, inked / (double)(bitmap.Width * bitmap.Height));
    }
}
