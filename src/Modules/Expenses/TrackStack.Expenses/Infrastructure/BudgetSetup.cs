using Microsoft.EntityFrameworkCore;
using TrackStack.Expenses.Domain;

namespace TrackStack.Expenses.Infrastructure;

/// <summary>Gives a household its settings, default tanks and categories the first time Expenses sees it.
/// Idempotent (unique keys back it up), so the HouseholdCreated handler and first use can both call it.</summary>
internal sealed class BudgetSetup(ExpensesDb db, TimeProvider clock)
{
    public async Task<ExpenseSettings> EnsureAsync(Guid householdId, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(s => s.HouseholdId == householdId, ct);
        if (settings is not null) return settings;

        settings = new ExpenseSettings { HouseholdId = householdId, MonthlyIncomeCents = 0, UpdatedAt = clock.GetUtcNow().UtcDateTime };
        db.Settings.Add(settings);
        var order = 0;
        foreach (var (key, name, ratio, categories) in DefaultBudget.Tanks)
        {
            var tank = new Tank { Id = Guid.CreateVersion7(), HouseholdId = householdId, Key = key, Name = name, RatioPercent = ratio, SortOrder = order++ };
            db.Tanks.Add(tank);
            var position = 0;
            foreach (var category in categories)
            {
                db.Categories.Add(new Category { Id = Guid.CreateVersion7(), HouseholdId = householdId, TankId = tank.Id, Name = category, SortOrder = position++ });
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Set up concurrently by another request or the event handler: use theirs.
            db.ChangeTracker.Clear();
            settings = await db.Settings.FirstAsync(s => s.HouseholdId == householdId, ct);
        }
        return settings;
    }
}
