using TrackStack.Households.Contracts;

namespace TrackStack.Expenses.Features.SetUpHouseholdBudget;

/// <summary>A new household gets its budget defaults (inside the inbox transaction: nothing commits on its own). It
/// records the household's context too: events stored before the shared projection reach only this handler.</summary>
internal sealed class SetUpHouseholdBudget(ExpensesDb db, BudgetSetup budget) : IIntegrationEventHandler<HouseholdCreated>
{
    public const string Name = "expenses-household-created";

    public async Task HandleAsync(HouseholdCreated e, CancellationToken ct)
    {
        await budget.EnsureAsync(ct);
        await db.ApplyHouseholdContextAsync(new HouseholdContext(e.HouseholdId, e.Name, e.TimeZone, e.Currency, e.Locale), e.Version, e.OccurredAt, ct);
        await db.SaveChangesAsync(ct);
    }
}
