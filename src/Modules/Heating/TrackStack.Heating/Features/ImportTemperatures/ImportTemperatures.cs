using System.Text;

namespace TrackStack.Heating.Features.ImportTemperatures;

internal static class ImportTemperatures
{
    public const int MaxImportRows = 40_000;
    public const long MaxImportBytes = 8 * 1024 * 1024;

    public static void MapImportTemperatures(this RouteGroupBuilder heating) =>
        heating.MapPost("/temperatures/import", HandleAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import daily temperatures from a CSV file (form field 'file'; dryRun=true only checks)");

    internal static async Task<Results<Ok<TemperatureImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MultipartUpload.AllowBody(http.Request, MaxImportBytes);
        if (!MultipartUpload.IsMultipart(http.Request))
        {
            return errors.Add("file", "Send multipart/form-data with the CSV in the field 'file'.").ToResult();
        }
        var (upload, problem) = await MultipartUpload.ReadAsync(http.Request, MaxImportBytes, "The temperature file", ct);
        if (problem is not null) return problem;
        await using var _ = upload;
        var file = upload!.File;
        if (file is null || file.Length == 0) return errors.Add("file", "Attach the CSV file in the form field 'file'.").ToResult();

        var dryRunText = upload.Fields.GetValueOrDefault("dryRun") ?? http.Request.Query["dryRun"].FirstOrDefault();
        var dryRun = false;
        if (dryRunText is not null && !bool.TryParse(dryRunText, out dryRun)) errors.Add("dryRun", "dryRun must be true or false.");
        var unitText = (upload.Fields.GetValueOrDefault("temperatureUnit") ?? http.Request.Query["temperatureUnit"].FirstOrDefault() ?? "c").Trim().ToLowerInvariant();
        if (unitText is not ("c" or "f")) errors.Add("temperatureUnit", "temperatureUnit must be c (Celsius) or f (Fahrenheit).");
        if (errors.Any) return errors.ToResult();

        TemperatureCsvResult? parsed;
        string? fatal;
        using (var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            (parsed, fatal) = TemperatureCsv.Parse(reader, unitText == "f", MaxImportRows);
        }
        if (fatal is not null || parsed is null) return errors.Add("file", fatal ?? "The file could not be read.").ToResult();

        var today = http.GetHouseholdAccess().Today(clock);
        var lineErrors = parsed.Errors.ToList();
        var errorCount = parsed.ErrorCount;
        var rows = new List<(DateOnly Date, double MeanC)>();
        foreach (var row in parsed.Rows)
        {
            if (row.Date < InputChecks.EarliestDate || row.Date > today.AddDays(1))
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
        var (inserted, updated) = dryRun
            ? await TemperatureStore.PreviewAsync(db, rows, ct)
            : await TemperatureStore.StageAsync(db, rows, TemperatureSource.Import, StoredTime.Now(clock), ct);
        if (!dryRun) await db.SaveChangesAsync(ct);
        var refillsFrom = await db.Refills.AsNoTracking().MinAsync(r => (DateOnly?)r.Date, ct);
        var overlap = refillsFrom is { } start ? rows.Select(r => r.Date).Distinct().Count(d => d >= start && d <= today) : 0;
        return TypedResults.Ok(new TemperatureImportResponse(
            dryRun, parsed.Delimiter == '\t' ? "tab" : parsed.Delimiter.ToString(), parsed.HasHeader, parsed.DateColumn, parsed.MeanColumn, parsed.MinColumn, parsed.MaxColumn,
            parsed.DataLines, rows.Count, inserted, updated, rows.Min(r => r.Date), rows.Max(r => r.Date), errorCount,
            lineErrors.Select(e => new ImportErrorResponse(e.Line, e.Message)).ToList(),
            refillsFrom, refillsFrom is null ? null : today, overlap));
    }
}
