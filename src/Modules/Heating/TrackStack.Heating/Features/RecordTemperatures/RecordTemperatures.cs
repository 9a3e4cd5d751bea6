namespace TrackStack.Heating.Features.RecordTemperatures;

public sealed record TemperatureRequest(DateOnly? Date, double? MeanC);

public sealed record TemperatureUpsertResponse(int Received, int Inserted, int Updated);

internal static class RecordTemperatures
{
    public const int MaxBatch = 5000;
    private const int MaxErrorsReported = 100;

    public static void MapRecordTemperatures(this RouteGroupBuilder heating) =>
        heating.MapPut("/temperatures", HandleAsync).WithSummary($"Insert or replace daily means, [{{date, meanC}}], at most {MaxBatch} per request");

    internal static async Task<Results<Ok<TemperatureUpsertResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, TemperatureRequest?[]? rows, HttpContext http, HeatingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (rows is null) return errors.Add("body", "Send a JSON array of {date, meanC}.").ToResult();
        if (rows.Length > MaxBatch) return errors.Add("body", $"At most {MaxBatch} rows per request; split the batch.").ToResult();
        var today = http.GetHouseholdAccess().Today(clock);
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
                InputChecks.CheckRecordDate(rowErrors, row.Date, today, $"[{i}].date");
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
        var (inserted, updated) = await TemperatureStore.StageAsync(db, valid, TemperatureSource.Manual, StoredTime.Now(clock), ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new TemperatureUpsertResponse(rows.Length, inserted, updated));
    }
}
