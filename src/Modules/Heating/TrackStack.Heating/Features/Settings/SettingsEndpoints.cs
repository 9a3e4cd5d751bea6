using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;

namespace TrackStack.Heating.Features.Settings;

/// <summary>Missing fields take the defaults of the chosen fuel (unit, energy content, meter-based) or the
/// general defaults (season from 1 September, base 15.5 °C fixed, weather off).</summary>
public sealed record HeatingSettingsRequest(
    string? Fuel, string? Unit, double? UnitSizeKg, double? KwhPerUnit, bool? MeterBased,
    int? SeasonStartMonth, int? SeasonStartDay, double? BaseTemperatureC, string? BaseMode,
    double? Latitude, double? Longitude, bool? WeatherEnabled);

public sealed record HeatingSettingsResponse(
    string Fuel, string Unit, string UnitLabel, double? UnitSizeKg, double KwhPerUnit, bool MeterBased,
    int SeasonStartMonth, int SeasonStartDay, double BaseTemperatureC, string BaseMode,
    double? Latitude, double? Longitude, bool WeatherEnabled, IReadOnlyList<string> UnitsForFuel, DateTime UpdatedAt);

internal static class SettingsEndpoints
{
    public static void MapSettings(this RouteGroupBuilder heating)
    {
        heating.MapGet("/settings", GetAsync).WithSummary("Heating settings (created with defaults on first read)");
        heating.MapPut("/settings", PutAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change fuel, unit, energy content, season start, base temperature and weather (owners and admins)");
    }

    internal static async Task<Ok<HeatingSettingsResponse>> GetAsync(Guid householdId, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: true, ct);
        return TypedResults.Ok(settings.ToResponse());
    }

    internal static async Task<Results<Ok<HeatingSettingsResponse>, ValidationProblem>> PutAsync(
        Guid householdId, HeatingSettingsRequest request, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var fuel = FuelCatalog.ParseFuel(request.Fuel);
        if (fuel is null)
        {
            errors.Add("fuel", $"fuel must be one of {string.Join(", ", Enum.GetValues<Fuel>().Select(f => f.Wire()))}.");
            return errors.ToResult();
        }
        var units = FuelCatalog.UnitsFor(fuel.Value);
        var unit = request.Unit is null ? FuelCatalog.DefaultUnit(fuel.Value) : FuelCatalog.ParseUnit(request.Unit);
        if (unit is null || !units.Contains(unit.Value))
        {
            errors.Add("unit", $"unit must be one of {string.Join(", ", units.Select(u => u.Wire()))} for {fuel.Value.Wire()}.");
            unit = FuelCatalog.DefaultUnit(fuel.Value);
        }
        double? unitSizeKg = null;
        if (unit == FuelUnit.Bag)
        {
            unitSizeKg = request.UnitSizeKg ?? FuelCatalog.DefaultBagKg;
            errors.Check(unitSizeKg is >= 0.1 and <= 1000, "unitSizeKg", "unitSizeKg (the weight of one bag) must be between 0.1 and 1000 kg.");
        }
        var kwhPerUnit = request.KwhPerUnit ?? FuelCatalog.DefaultKwhPerUnit(fuel.Value, unit.Value, unitSizeKg);
        if (kwhPerUnit is null) errors.Add("kwhPerUnit", "kwhPerUnit is required for this fuel and unit.");
        else errors.Check(kwhPerUnit is > 0 and <= 100_000 && double.IsFinite(kwhPerUnit.Value), "kwhPerUnit", "kwhPerUnit must be above 0 and at most 100000.");

        var month = request.SeasonStartMonth ?? SeasonStart.Default.Month;
        var day = request.SeasonStartDay ?? SeasonStart.Default.Day;
        if (SeasonStart.Check(month, day) is { } seasonError) errors.Add(month is < 1 or > 12 ? "seasonStartMonth" : "seasonStartDay", seasonError);

        var baseC = request.BaseTemperatureC ?? HeatingSettings.DefaultBaseTemperatureC;
        errors.Check(baseC is >= 0 and <= 30, "baseTemperatureC", "baseTemperatureC must be between 0 and 30 °C.");
        var baseMode = request.BaseMode?.Trim().ToLowerInvariant() switch
        {
            null or "fixed" => BaseMode.Fixed,
            "fit" => BaseMode.Fit,
            _ => (BaseMode?)null,
        };
        if (baseMode is null) errors.Add("baseMode", "baseMode must be fixed or fit.");

        errors.Check(request.Latitude is null or (>= -90 and <= 90), "latitude", "latitude must be between -90 and 90.");
        errors.Check(request.Longitude is null or (>= -180 and <= 180), "longitude", "longitude must be between -180 and 180.");
        if ((request.Latitude is null) != (request.Longitude is null))
        {
            errors.Add(request.Latitude is null ? "latitude" : "longitude", "Give both latitude and longitude, or neither.");
        }
        var weather = request.WeatherEnabled ?? false;
        if (weather && (request.Latitude is null || request.Longitude is null))
        {
            errors.Add("weatherEnabled", "Fetching temperatures needs the latitude and longitude of the home.");
        }
        if (errors.Any) return errors.ToResult();

        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        if (db.Entry(settings).State == Microsoft.EntityFrameworkCore.EntityState.Detached) db.Settings.Add(settings);
        settings.Fuel = fuel.Value;
        settings.Unit = unit!.Value;
        settings.UnitSizeKg = unitSizeKg;
        settings.KwhPerUnit = kwhPerUnit!.Value;
        settings.MeterBased = request.MeterBased ?? FuelCatalog.DefaultMeterBased(fuel.Value);
        settings.SeasonStartMonth = month;
        settings.SeasonStartDay = day;
        settings.BaseTemperatureC = baseC;
        settings.BaseMode = baseMode!.Value;
        settings.Latitude = request.Latitude;
        settings.Longitude = request.Longitude;
        settings.WeatherEnabled = weather;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(settings.ToResponse());
    }

    public static HeatingSettingsResponse ToResponse(this HeatingSettings s) => new(
        s.Fuel.Wire(), s.Unit.Wire(), FuelCatalog.Label(s.Unit, s.UnitSizeKg), s.UnitSizeKg, s.KwhPerUnit, s.MeterBased,
        s.SeasonStartMonth, s.SeasonStartDay, s.BaseTemperatureC, s.BaseMode == BaseMode.Fit ? "fit" : "fixed",
        s.Latitude, s.Longitude, s.WeatherEnabled, FuelCatalog.UnitsFor(s.Fuel).Select(u => u.Wire()).ToList(), s.UpdatedAt);
}
