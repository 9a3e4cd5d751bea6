using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Heating.Domain;
using TrackStack.Heating.Infrastructure;
using TrackStack.Heating.Weather;

namespace TrackStack.Heating.Features.Temperatures;

public sealed record TemperatureRequest(DateOnly? Date, double? MeanC);

public sealed record TemperatureResponse(DateOnly Date, double MeanC, string Source);

public sealed record TemperatureUpsertResponse(int Received, int Inserted, int Updated);

public sealed record ImportErrorResponse(int Line, string Message);

/// <summary>Inserted/Updated say what was (or, with DryRun, would be) written.</summary>
public sealed record TemperatureImportResponse(
    bool DryRun, string Delimiter, bool HasHeader, string DateColumn, string? MeanColumn, string? MinColumn, string? MaxColumn,
    int Lines, int Valid, int Inserted, int Updated, DateOnly? From, DateOnly? To, int ErrorCount, IReadOnlyList<ImportErrorResponse> Errors);

public sealed record TemperatureFetchResponse(DateOnly From, DateOnly To, int Days, int Received, int Missing, int Inserted, int Updated, string Source);

internal static class TemperatureEndpoints
{
    public const int MaxBatch = 5000;
    public const int MaxImportRows = 40_000;
    public const long MaxImportBytes = 8 * 1024 * 1024;
    public const int MaxFetchDays = 3660;
    public const int MaxListDays = 40 * 366;
    private const int MaxErrorsReported = 100;

    public static void MapTemperatures(this RouteGroupBuilder heating)
    {
        heating.MapGet("/temperatures", ListAsync).WithSummary("Daily mean outdoor temperatures (default: the last 365 days)");
        heating.MapPut("/temperatures", UpsertAsync).WithSummary($"Insert or replace daily means, [{{date, meanC}}], at most {MaxBatch} per request");
        heating.MapPost("/temperatures/import", ImportAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import daily temperatures from a CSV file (form field 'file'; dryRun=true only checks)");
        heating.MapPost("/temperatures/fetch", FetchAsync).WithSummary("Fetch daily means from Open-Meteo for the home's coordinates");
    }

    internal static async Task<Results<Ok<TemperatureResponse[]>, ValidationProblem>> ListAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        HeatingContext.CheckRange(errors, from, to);
        var end = to ?? await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var start = from ?? end.AddDays(-364);
        errors.Check(end.DayNumber - start.DayNumber < MaxListDays, "from", "Ask for at most 40 years at once.");
        if (errors.Any) return errors.ToResult();
        var rows = await db.Temperatures.AsNoTracking()
            .Where(t => t.HouseholdId == householdId && t.Date >= start && t.Date <= end)
            .OrderBy(t => t.Date)
            .ToListAsync(ct);
        return TypedResults.Ok(rows.Select(t => new TemperatureResponse(t.Date, t.MeanC, SourceWire(t.Source))).ToArray());
    }

    internal static async Task<Results<Ok<TemperatureUpsertResponse>, ValidationProblem>> UpsertAsync(
        Guid householdId, TemperatureRequest?[]? rows, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (rows is null) return errors.Add("body", "Send a JSON array of {date, meanC}.").ToResult();
        if (rows.Length > MaxBatch) return errors.Add("body", $"At most {MaxBatch} rows per request; split the batch.").ToResult();
        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var seen = new Dictionary<DateOnly, int>();
        var valid = new List<(DateOnly, double)>(rows.Length);
        var reported = 0;
        for (var i = 0; i < rows.Length && reported < MaxErrorsReported; i++)
        {
            var row = rows[i];
            var rowErrors = new FieldErrors();
            if (row is null)
            {
                rowErrors.Add($"[{i}]", "Each row needs date and meanC.");
            }
            else
            {
                HeatingContext.CheckRecordDate(rowErrors, row.Date, today, $"[{i}].date");
                if (row.MeanC is not { } mean || !double.IsFinite(mean)) rowErrors.Add($"[{i}].meanC", "meanC (°C) is required.");
                else rowErrors.Check(mean is >= -60 and <= 60, $"[{i}].meanC", "meanC must be between -60 and 60 °C.");
                if (row.Date is { } date)
                {
                    if (seen.TryGetValue(date, out var first)) rowErrors.Add($"[{i}].date", $"{date:yyyy-MM-dd} is already in row {first}.");
                    else seen[date] = i;
                }
            }
            if (!rowErrors.Any)
            {
                valid.Add((row!.Date!.Value, row.MeanC!.Value));
                continue;
            }
            reported++;
            foreach (var (field, messages) in rowErrors.ToDictionary())
            {
                foreach (var message in messages) errors.Add(field, message);
            }
        }
        if (errors.Any) return errors.ToResult();
        var (inserted, updated) = await TemperatureStore.UpsertAsync(db, householdId, valid, TemperatureSource.Manual, clock.GetUtcNow().UtcDateTime, false, ct);
        return TypedResults.Ok(new TemperatureUpsertResponse(rows.Length, inserted, updated));
    }

    internal static async Task<Results<Ok<TemperatureImportResponse>, ValidationProblem>> ImportAsync(
        Guid householdId, HttpContext http, HeatingDb db, IHouseholdMembershipQuery households, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxImportBytes;
        if (!http.Request.HasFormContentType)
        {
            return errors.Add("file", "Send multipart/form-data with the CSV in the field 'file'.").ToResult();
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return errors.Add("file", $"The upload could not be read (at most {MaxImportBytes / 1024 / 1024} MB): {e.Message}").ToResult();
        }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return errors.Add("file", "Attach the CSV file in the form field 'file'.").ToResult();

        var dryRunText = form["dryRun"].FirstOrDefault() ?? http.Request.Query["dryRun"].FirstOrDefault();
        var dryRun = false;
        if (dryRunText is not null && !bool.TryParse(dryRunText, out dryRun)) errors.Add("dryRun", "dryRun must be true or false.");
        var unitText = (form["temperatureUnit"].FirstOrDefault() ?? http.Request.Query["temperatureUnit"].FirstOrDefault() ?? "c").Trim().ToLowerInvariant();
        if (unitText is not ("c" or "f")) errors.Add("temperatureUnit", "temperatureUnit must be c (Celsius) or f (Fahrenheit).");
        if (errors.Any) return errors.ToResult();

        TemperatureCsvResult? parsed;
        string? fatal;
        using (var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            (parsed, fatal) = TemperatureCsv.Parse(reader, unitText == "f", MaxImportRows);
        }
        if (fatal is not null || parsed is null) return errors.Add("file", fatal ?? "The file could not be read.").ToResult();

        var today = await HeatingContext.TodayAsync(households, householdId, clock, ct);
        var lineErrors = parsed.Errors.ToList();
        var errorCount = parsed.ErrorCount;
        var rows = new List<(DateOnly Date, double MeanC)>();
        foreach (var row in parsed.Rows)
        {
            if (row.Date < HeatingContext.EarliestDate || row.Date > today.AddDays(1))
            {
                errorCount++;
                if (lineErrors.Count < TemperatureCsv.MaxErrorsListed) lineErrors.Add(new CsvLineError(0, $"{row.Date:yyyy-MM-dd} is before 1900 or in the future."));
                continue;
            }
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            errors.Add("file", "No valid rows in the file.");
            foreach (var e in lineErrors.Take(20)) errors.Add("file", $"line {e.Line}: {e.Message}");
            return errors.ToResult();
        }
        var (inserted, updated) = await TemperatureStore.UpsertAsync(db, householdId, rows, TemperatureSource.Import, clock.GetUtcNow().UtcDateTime, dryRun, ct);
        return TypedResults.Ok(new TemperatureImportResponse(
            dryRun, parsed.Delimiter == '\t' ? "tab" : parsed.Delimiter.ToString(), parsed.HasHeader, parsed.DateColumn, parsed.MeanColumn, parsed.MinColumn, parsed.MaxColumn,
            parsed.DataLines, rows.Count, inserted, updated, rows.Min(r => r.Date), rows.Max(r => r.Date), errorCount,
            lineErrors.Select(e => new ImportErrorResponse(e.Line, e.Message)).ToList()));
    }

    internal static async Task<Results<Ok<TemperatureFetchResponse>, ValidationProblem, ProblemHttpResult>> FetchAsync(
        Guid householdId, DateOnly? from, DateOnly? to, HeatingDb db, IHouseholdMembershipQuery households, IWeatherSource weather,
        TimeProvider clock, CancellationToken ct)
    {
        var settings = await HeatingContext.SettingsAsync(db, householdId, clock, persist: false, ct);
        if (!settings.WeatherEnabled || settings.Latitude is not { } lat || settings.Longitude is not { } lon)
        {
            return Problems.Conflict("Weather fetching is off", "Set latitude and longitude and turn on weatherEnabled in the heating settings.");
        }
        var household = await households.GetContextAsync(householdId, ct);
        var today = household?.Today(clock) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? today.AddDays(-1);
        var start = from ?? end.AddDays(-29);
        var errors = new FieldErrors();
        HeatingContext.CheckRange(errors, from, to);
        errors.Check(end <= today, "to", "to cannot be in the future.");
        errors.Check(start >= new DateOnly(1940, 1, 1), "from", "Open-Meteo's history starts in 1940.");
        errors.Check(end.DayNumber - start.DayNumber < MaxFetchDays, "from", $"Fetch at most {MaxFetchDays} days at once.");
        if (errors.Any) return errors.ToResult();

        var result = await weather.GetDailyMeansAsync(lat, lon, start, end, household?.TimeZone ?? "UTC", ct);
        if (result.Error is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The weather service failed", detail: result.Error);
        }
        var rows = result.Days
            .Where(d => d.MeanC is >= -60 and <= 60 && d.Date >= start && d.Date <= end)
            .GroupBy(d => d.Date)
            .Select(g => (g.Key, Math.Round(g.First().MeanC!.Value, 2)))
            .ToList();
        var (inserted, updated) = await TemperatureStore.UpsertAsync(db, householdId, rows, TemperatureSource.OpenMeteo, clock.GetUtcNow().UtcDateTime, false, ct);
        var days = end.DayNumber - start.DayNumber + 1;
        return TypedResults.Ok(new TemperatureFetchResponse(start, end, days, rows.Count, days - rows.Count, inserted, updated, "open-meteo"));
    }

    private static string SourceWire(TemperatureSource source) => source switch
    {
        TemperatureSource.Manual => "manual",
        TemperatureSource.Import => "import",
        TemperatureSource.OpenMeteo => "open-meteo",
        _ => source.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
