namespace TrackStack.Training.Features.ChangeTrainingSettings;

internal static class ChangeTrainingSettings
{
    public static void MapChangeTrainingSettings(this RouteGroupBuilder training) =>
        training.MapPut("/settings", HandleAsync).WithSummary("Change the signed-in member's training settings (fields left out keep their value)");

    internal static async Task<Results<Ok<TrainingSettingsResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, TrainingSettingsRequest request, HttpContext http, TrainingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.Unit is null or "kg" or "lb", "unit", "The unit is kg or lb.");
        errors.Check(request.Formula is null or "epley" or "brzycki", "formula", "The formula is epley or brzycki.");
        if (errors.Any) return errors.ToResult();
        var user = http.GetHouseholdAccess().UserId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var fresh = new MemberSettings { HouseholdId = householdId, UserId = user, Unit = WeightUnit.Kg, Formula = E1rmFormula.Epley, UpdatedAt = StoredTime.Now(clock) };
        await db.InsertIfMissingAsync([fresh], ct);
        var row = await db.MemberSettings.FirstAsync(s => s.UserId == user, ct);
        if (request.Unit is { } unit) row.Unit = unit == "lb" ? WeightUnit.Lb : WeightUnit.Kg;
        if (request.Formula is { } formula) row.Formula = formula == "brzycki" ? E1rmFormula.Brzycki : E1rmFormula.Epley;
        if (request.ShareLog is { } share) row.ShareLog = share;
        row.UpdatedAt = StoredTime.Now(clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(row.ToResponse());
    }
}

/// <summary>unit kg or lb, formula epley or brzycki, shareLog true to let the household read the log.</summary>
public sealed record TrainingSettingsRequest(string? Unit, string? Formula, bool? ShareLog);
