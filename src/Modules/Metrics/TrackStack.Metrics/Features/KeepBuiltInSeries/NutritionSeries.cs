using TrackStack.BuildingBlocks.Messaging;
using TrackStack.Nutrition.Contracts;

namespace TrackStack.Metrics.Features.KeepBuiltInSeries;

/// <summary>nutrition.kcal and nutrition.protein (g), personal to the member: each diary entry is a value at
/// local noon of its day, and the values of one day make one observation, the day's total. The series follow each
/// entry's own version, so they do not depend on the order the day totals of the events were computed in.</summary>
internal sealed class NutritionSeries(BuiltInSeries series)
    : IIntegrationEventHandler<MealLogged>, IIntegrationEventHandler<MealChanged>, IIntegrationEventHandler<MealDeleted>
{
    public const string Logged = "metrics-builtin-meal-logged";
    public const string Changed = "metrics-builtin-meal-changed";
    public const string Deleted = "metrics-builtin-meal-deleted";

    public async Task HandleAsync(MealLogged e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.UserId, e.EntryId, e.Date, e.Kcal, e.Protein, e.Version, ct);

    public async Task HandleAsync(MealChanged e, CancellationToken ct) =>
        await ApplyAsync(e.HouseholdId, e.UserId, e.EntryId, e.Date, e.Kcal, e.Protein, e.Version, ct);

    public async Task HandleAsync(MealDeleted e, CancellationToken ct) =>
        await series.ApplyAsync(e.HouseholdId, Key(e.EntryId), e.Version, null, ct);

    private static string Key(Guid entryId) => $"nutrition.entry:{entryId:N}";

    private async Task ApplyAsync(Guid householdId, Guid userId, Guid entryId, DateOnly date, double kcal, double? protein, long version, CancellationToken ct)
    {
        var time = BuiltInTime.NoonUtc(date, await series.ZoneAsync(householdId, ct));
        var figures = new List<BuiltInFigure> { new("nutrition.kcal", BuiltInFigure.NoTags(), userId, time, kcal) };
        if (protein is { } g) figures.Add(new BuiltInFigure("nutrition.protein", BuiltInFigure.NoTags(), userId, time, g));
        await series.ApplyAsync(householdId, Key(entryId), version, figures, ct);
    }
}
