namespace TrackStack.Expenses.Features.GetBudgetSettings;

internal static class GetBudgetSettings
{
    public static void MapGetBudgetSettings(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/settings", HandleAsync)
            .WithSummary("Income, tanks with their ratios and categories, and whether the allocation adds up")
            .WithDescription("A household that never changed its budget sees the defaults (60/20/20); reading stores nothing.");

    internal static async Task<Ok<SettingsResponse>> HandleAsync(HttpContext http, BudgetSetup budget, CancellationToken ct) =>
        TypedResults.Ok((await budget.ReadAsync(ct)).ToResponse(http.GetHouseholdAccess().Context.Currency));
}
