using TrackStack.Households.Contracts;

namespace TrackStack.Expenses.Features.SetUpHouseholdBudget;

/// <summary>A new household gets its budget defaults (inside the inbox transaction: nothing commits on its own).</summary>
internal sealed class SetUpHouseholdBudget(ExpensesDb db, BudgetSetup budget) : IIntegrationEventHandler<HouseholdCreated>
{
    public const string Name = "expenses-household-created";

    public async Task HandleAsync(HouseholdCreated e, CancellationToken ct)
    {
        await budget.EnsureAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
