namespace TrackStack.Nutrition.Features.ChangeTargets;

internal static class ChangeTargets
{
    public sealed record WeekdayTargetRequest(string? Day, double? Kcal, double? Protein);

    /// <summary>Weekdays: the days with their own kcal or protein (the whole list; null keeps the stored one, [] clears).</summary>
    public sealed record TargetsRequest(double? Kcal, double? Protein, double? Fat, double? Carbohydrate, double? Fibre, bool? ShareDiary, IReadOnlyList<WeekdayTargetRequest>? Weekdays);

    public static void MapChangeTargets(this RouteGroupBuilder nutrition) =>
        nutrition.MapPut("/targets", HandleAsync).WithSummary("Change the caller's targets and whether other members may read their diary");

    internal static async Task<Results<Ok<TargetsResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, TargetsRequest request, HttpContext http, NutritionDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(request.Kcal is >= 500 and <= 10000, "kcal", "The kcal target is 500 to 10,000.");
        errors.Check(request.Protein is >= 0 and <= 500, "protein", "The protein target is 0 to 500 g.");
        errors.Check(request.Fat is null or (>= 0 and <= 500), "fat", "The fat target is 0 to 500 g.");
        errors.Check(request.Carbohydrate is null or (>= 0 and <= 1500), "carbohydrate", "The carbohydrate target is 0 to 1,500 g.");
        errors.Check(request.Fibre is null or (>= 0 and <= 200), "fibre", "The fibre target is 0 to 200 g.");
        var days = request.Weekdays ?? [];
        errors.Check(days.Count <= 7 && days.All(d => d is not null && TargetsStore.ParseDay(d.Day) is not null), "weekdays", "Name each weekday (monday … sunday) once.");
        errors.Check(days.Where(d => d is not null).Select(d => TargetsStore.ParseDay(d.Day)).Distinct().Count() == days.Count, "weekdays", "Name each weekday (monday … sunday) once.");
        errors.Check(days.All(d => d is null || d.Kcal is null or (>= 500 and <= 10000)), "weekdays", "A weekday's kcal target is 500 to 10,000.");
        errors.Check(days.All(d => d is null || d.Protein is null or (>= 0 and <= 500)), "weekdays", "A weekday's protein target is 0 to 500 g.");
        if (errors.Any) return errors.ToResult();
        var userId = http.GetHouseholdAccess().UserId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The first change stores the row; two first changes at once both succeed on the one row.
        await db.InsertIfMissingAsync([new MemberTargets { HouseholdId = householdId, UserId = userId }], ct);
        var targets = await db.Targets.FirstAsync(t => t.UserId == userId, ct);
        targets.Kcal = request.Kcal!.Value;
        targets.Protein = request.Protein!.Value;
        targets.Fat = request.Fat;
        targets.Carbohydrate = request.Carbohydrate;
        targets.Fibre = request.Fibre;
        targets.ShareDiary = request.ShareDiary ?? targets.ShareDiary;
        if (request.Weekdays is not null)
            targets.SetWeekdays(days.Where(d => d.Kcal is not null || d.Protein is not null).Select(d => new WeekdayTarget(TargetsStore.ParseDay(d.Day)!.Value, d.Kcal, d.Protein)));
        targets.UpdatedAt = StoredTime.Now(clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(targets.ToResponse());
    }
}
