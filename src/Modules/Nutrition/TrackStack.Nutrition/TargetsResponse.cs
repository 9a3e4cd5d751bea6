namespace TrackStack.Nutrition;

/// <summary>A weekday's own targets ("monday" … "sunday"); a null keeps the everyday value.</summary>
public sealed record WeekdayTargetResponse(string Day, double? Kcal, double? Protein);

/// <summary>A member's daily targets (defaults 2,300 kcal and 120 g protein until changed), the weekdays that have
/// their own, and whether the other members may read their diary. In a day's answer, kcal and protein are that
/// day's (its weekday's when set).</summary>
public sealed record TargetsResponse(
    double Kcal, double Protein, double? Fat, double? Carbohydrate, double? Fibre, bool ShareDiary, bool IsDefault, IReadOnlyList<WeekdayTargetResponse> Weekdays);

internal static class TargetsStore
{
    /// <summary>The stored targets or the defaults (computed, not stored: reads write nothing).</summary>
    public static async Task<MemberTargets> TargetsOrDefaultsAsync(this NutritionDb db, Guid householdId, Guid userId, CancellationToken ct) =>
        await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.UserId == userId, ct)
        ?? new MemberTargets { HouseholdId = householdId, UserId = userId };

    public static TargetsResponse ToResponse(this MemberTargets t) =>
        new(t.Kcal, t.Protein, t.Fat, t.Carbohydrate, t.Fibre, t.ShareDiary, t.UpdatedAt == default,
            t.WeekdayTargets.Select(d => new WeekdayTargetResponse(DayName(d.Day), d.Kcal, d.Protein)).ToList());

    public static string DayName(DayOfWeek d) => d.ToString().ToLowerInvariant();

    public static DayOfWeek? ParseDay(string? name) =>
        Enum.GetValues<DayOfWeek>().Where(d => string.Equals(DayName(d), name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(d => (DayOfWeek?)d).FirstOrDefault();
}
