namespace TrackStack.Nutrition.Features.ChangeTargets;

internal static class ChangeTargets
{
    public sealed record TargetsRequest(double? Kcal, double? Protein, double? Fat, double? Carbohydrate, double? Fibre, bool? ShareDiary);

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
        targets.UpdatedAt = StoredTime.Now(clock);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(targets.ToResponse());
    }
}
