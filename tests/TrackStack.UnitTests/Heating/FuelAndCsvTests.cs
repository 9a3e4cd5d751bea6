using TrackStack.Heating.Domain;
using TrackStack.Heating.Features.ImportTemperatures;

namespace TrackStack.UnitTests.Heating;

public sealed class FuelAndCsvTests
{
    [Theory]
    [InlineData("woodPellets", "bag", 15.0, 72.0)]
    [InlineData("woodPellets", "kg", null, 4.8)]
    [InlineData("naturalGas", "m3", null, 10.55)]
    [InlineData("heatingOil", "litre", null, 10.0)]
    [InlineData("firewood", "stere", null, 1700.0)]
    [InlineData("electricity", "kWh", null, 1.0)]
    [InlineData("districtHeat", "kWh", null, 1.0)]
    public void Default_energy_content(string fuel, string unit, double? bagKg, double expected) =>
        Assert.Equal(expected, FuelCatalog.DefaultKwhPerUnit(FuelCatalog.ParseFuel(fuel)!.Value, FuelCatalog.ParseUnit(unit)!.Value, bagKg)!.Value, 9);

    [Fact]
    public void Purchases_in_kg_count_as_bags_and_wire_names_round_trip()
    {
        var pellets = new FuelProfile(Fuel.WoodPellets, FuelUnit.Bag, 15, 72, false);
        Assert.Equal(70, pellets.ToProfileUnits(1050, FuelUnit.Kg));
        Assert.Null(pellets.ToProfileUnits(10, FuelUnit.Litre));
        Assert.Equal("bag (15 kg)", pellets.UnitLabel);
        foreach (var f in Enum.GetValues<Fuel>()) Assert.Equal(f, FuelCatalog.ParseFuel(f.Wire()));
        foreach (var u in Enum.GetValues<FuelUnit>()) Assert.Equal(u, FuelCatalog.ParseUnit(u.Wire()));
        Assert.Equal(FuelUnit.KWh, FuelCatalog.ParseUnit("kWh"));
        Assert.Null(FuelCatalog.ParseFuel("coal"));
    }

    [Theory]
    [InlineData(9, 1, true)]
    [InlineData(2, 29, false)]
    [InlineData(4, 31, false)]
    [InlineData(13, 1, false)]
    public void Season_start_must_exist_every_year(int month, int day, bool valid) =>
        Assert.Equal(valid, SeasonStart.Check(month, day) is null);

    [Fact]
    public void The_Seattle_file_reads_with_min_and_max_columns()
    {
        using var reader = new StreamReader(Fixtures.PathOf("weather/seattle-weather.csv"));
        var (result, fatal) = TemperatureCsv.Parse(reader, fahrenheit: false, maxRows: 40_000);
        Assert.Null(fatal);
        Assert.True(result!.HasHeader);
        Assert.Equal(',', result.Delimiter);
        Assert.Equal(("date", null, "temp_min", "temp_max"), (result.DateColumn, result.MeanColumn, result.MinColumn, result.MaxColumn));
        Assert.Equal(1461, result.Rows.Count);
        Assert.Equal(0, result.ErrorCount);
        Assert.Equal((new DateOnly(2012, 1, 1), 8.9), result.Rows[0]);               // (5.0 + 12.8) / 2
        var independent = SeattleWeather.Seattle();
        Assert.All(result.Rows.Zip(independent), p => Assert.Equal(p.Second.MeanC, p.First.MeanC, 2));
    }

    [Fact]
    public void Semicolons_decimal_commas_headerless_and_line_errors()
    {
        var csv = "2024-01-01;3,5\n2024-01-02;-1,25\n\n2024-13-01;4\n2024-01-03;warm\n2024-01-02;7\n2024-01-04;99\n20240105;\"2,0\"\n";
        var (result, fatal) = TemperatureCsv.Parse(new StringReader(csv), false, 100);
        Assert.Null(fatal);
        Assert.False(result!.HasHeader);
        Assert.Equal(';', result.Delimiter);
        Assert.Equal([(new DateOnly(2024, 1, 1), 3.5), (new DateOnly(2024, 1, 2), -1.25), (new DateOnly(2024, 1, 5), 2.0)], result.Rows);
        Assert.Equal(4, result.ErrorCount);
        Assert.Equal([4, 5, 6, 7], result.Errors.Select(e => e.Line));
        Assert.Contains("not a date", result.Errors[0].Message);
        Assert.Contains("not a temperature", result.Errors[1].Message);
        Assert.Contains("first on line 2", result.Errors[2].Message);
        Assert.Contains("outside -60..60", result.Errors[3].Message);
    }

    [Fact]
    public void Fahrenheit_and_mean_columns_and_fatal_errors()
    {
        var (result, _) = TemperatureCsv.Parse(new StringReader("Date,TAVG (°F)\n2024-01-01,50\n"), fahrenheit: true, 10);
        Assert.Equal("TAVG (°F)", result!.MeanColumn);
        Assert.Equal(10, result.Rows[0].MeanC, 9);

        Assert.Contains("No delimiter", TemperatureCsv.Parse(new StringReader("hello\n"), false, 10).Fatal);
        Assert.Contains("Need a mean column", TemperatureCsv.Parse(new StringReader("date,wind\n2024-01-01,3\n"), false, 10).Fatal);
        Assert.Contains("No date column", TemperatureCsv.Parse(new StringReader("when,mean\nx,3\n"), false, 10).Fatal);
        Assert.Contains("more than 2 rows", TemperatureCsv.Parse(new StringReader("date,mean\n2024-01-01,1\n2024-01-02,1\n2024-01-03,1\n"), false, 2).Fatal);
    }
}
