using TrackStack.Nutrition.Contracts;
using TrackStack.Nutrition.Features.GetWeek;

namespace TrackStack.Nutrition;

/// <summary>The in-process <see cref="INutritionDigestReader"/>: the week endpoint's own builder for the member
/// themself (never another member's diary), in the caller's household scope.</summary>
internal sealed class NutritionDigestReader(NutritionDb db) : INutritionDigestReader
{
    public async Task<NutritionWeekFigures> ReadWeekAsync(Guid householdId, Guid userId, DateOnly lastDay, CancellationToken ct)
    {
        var w = await GetWeek.BuildAsync(db, await db.TargetsOrDefaultsAsync(householdId, userId, ct), userId, lastDay, ct);
        return new NutritionWeekFigures(w.From, w.To, w.LoggedDays, w.AverageKcal, w.AverageProtein, w.AverageKcalTarget, w.AverageProteinTarget, w.Streak,
            w.Days.Select(d => new NutritionDayFigure(d.Date, d.Entries, d.Kcal, d.Protein, d.KcalTarget, d.ProteinTarget)).ToList());
    }
}
