namespace TrackStack.Nutrition.Contracts;

/// <summary>One member's week of the food diary against their own targets, for a module in the same process (the
/// Reports module's weekly digest, sent to that member only): the same numbers as GET .../nutrition/log/week?date=
/// for the member themself. The caller has entered the household's scope.</summary>
public interface INutritionDigestReader
{
    Task<NutritionWeekFigures> ReadWeekAsync(Guid householdId, Guid userId, DateOnly lastDay, CancellationToken ct);
}

/// <summary>Averages over the days logged (null without any); targets are the average of those days' targets.</summary>
public sealed record NutritionWeekFigures(
    DateOnly From, DateOnly To, int LoggedDays, double? AverageKcal, double? AverageProtein, double? AverageKcalTarget, double? AverageProteinTarget,
    int Streak, IReadOnlyList<NutritionDayFigure> Days);

public sealed record NutritionDayFigure(DateOnly Date, int Entries, double Kcal, double Protein, double KcalTarget, double ProteinTarget);
