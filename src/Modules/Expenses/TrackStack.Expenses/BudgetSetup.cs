namespace TrackStack.Expenses;

/// <summary>A household's budget settings, default tanks and categories. Reads never store anything: a household
/// Expenses has not set up yet shows the defaults (with the ids they will be stored under). The first write stores
/// them with INSERT ... ON CONFLICT DO NOTHING inside the caller's transaction, so concurrent first writes all
/// succeed and one set of defaults is stored.</summary>
internal sealed class BudgetSetup(ExpensesDb db, TimeProvider clock)
{
    /// <summary>The stored settings, storing the defaults first when there are none. Needs the caller's transaction.</summary>
    public async Task<ExpenseSettings> EnsureAsync(CancellationToken ct)
    {
        if (await db.Settings.FirstOrDefaultAsync(ct) is { } settings) return settings;
        var (defaults, tanks, categories) = DefaultBudget.For(db.HouseholdId, clock.GetUtcNow().UtcDateTime);
        await db.InsertIfMissingAsync([defaults], ct);
        await db.InsertIfMissingAsync(tanks, ct);
        await db.InsertIfMissingAsync(categories, ct);
        return await db.Settings.FirstAsync(ct);
    }

    /// <summary>Settings, tanks and categories as stored, or the defaults when nothing is stored yet (nothing is written).</summary>
    public async Task<BudgetView> ReadAsync(CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            var (defaults, defaultTanks, defaultCategories) = DefaultBudget.For(db.HouseholdId, clock.GetUtcNow().UtcDateTime);
            return new BudgetView(defaults, defaultTanks, defaultCategories);
        }
        var tanks = await db.Tanks.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        return new BudgetView(settings, tanks, categories);
    }
}

/// <summary>A household's budget as a read shows it.</summary>
internal sealed record BudgetView(ExpenseSettings Settings, IReadOnlyList<Tank> Tanks, IReadOnlyList<Category> Categories);
