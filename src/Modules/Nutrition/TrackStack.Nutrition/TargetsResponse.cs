namespace TrackStack.Nutrition;

/// <summary>A member's daily targets (defaults 2,300 kcal and 120 g protein until changed) and whether the other
/// members may read their diary.</summary>
public sealed record TargetsResponse(double Kcal, double Protein, double? Fat, double? Carbohydrate, double? Fibre, bool ShareDiary, bool IsDefault);

internal static class TargetsStore
{
    /// <summary>The stored targets or the defaults (computed, not stored: reads write nothing).</summary>
    public static async Task<MemberTargets> TargetsOrDefaultsAsync(this NutritionDb db, Guid householdId, Guid userId, CancellationToken ct) =>
        await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.UserId == userId, ct)
        ?? new MemberTargets { HouseholdId = householdId, UserId = userId };

    public static TargetsResponse ToResponse(this MemberTargets t) =>
        new(t.Kcal, t.Protein, t.Fat, t.Carbohydrate, t.Fibre, t.ShareDiary, t.UpdatedAt == default);
}
