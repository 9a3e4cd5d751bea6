namespace TrackStack.Expenses.Features.ChangeBudgetSettings;

public sealed record TankRequest(string? Key, string? Name, decimal? RatioPercent);

public sealed record SettingsRequest(long? MonthlyIncomeCents, Guid? FuelCategoryId, IReadOnlyList<TankRequest>? Tanks);

internal static class ChangeBudgetSettings
{
    public static void MapChangeBudgetSettings(this RouteGroupBuilder expenses) =>
        expenses.MapPut("/settings", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Change income, tank ratios (sum ≤ 100 %) and the category for heating fuel purchases")
            .WithDescription("Tanks are matched by key: listed keys are updated or added, missing ones removed (only when they have no categories).");

    internal static async Task<Results<Ok<SettingsResponse>, ValidationProblem>> HandleAsync(
        Guid householdId, SettingsRequest request, HttpContext http, ExpensesDb db, BudgetSetup budget, TimeProvider clock, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var settings = await budget.EnsureAsync(ct);
        var errors = new FieldErrors();
        if (request.MonthlyIncomeCents is { } income) errors.Check(income is >= 0 and <= 100_000_000_000, "monthlyIncomeCents", "Enter an income between 0 and 1,000,000,000.");
        if (request.FuelCategoryId is { } fuel && !await db.Categories.AnyAsync(c => c.Id == fuel, ct))
            errors.Add("fuelCategoryId", "This category does not exist in the household.");

        var tanks = await db.Tanks.ToListAsync(ct);
        if (request.Tanks is { } wanted)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < wanted.Count; i++)
            {
                var t = wanted[i];
                if (t is null)
                {
                    errors.Add($"tanks[{i}]", "Give each tank a key, a name and a ratio.");
                    continue;
                }
                var key = (t.Key ?? "").Trim().ToLowerInvariant();
                errors.Check(System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9-]{1,40}$"), $"tanks[{i}].key", "Use 1 to 40 lower-case letters, digits or '-'.");
                errors.Check(keys.Add(key), $"tanks[{i}].key", "Each tank key must be unique.");
                errors.Check((t.Name?.Trim().Length ?? 0) is >= 1 and <= 60, $"tanks[{i}].name", "Enter a name of 1 to 60 characters.");
                errors.Check(t.RatioPercent is >= 0 and <= 100, $"tanks[{i}].ratioPercent", "Enter a ratio between 0 and 100.");
            }
            errors.Check(wanted.Count is >= 1 and <= 12, "tanks", "Keep between 1 and 12 tanks.");
            // Only ratios that passed their own check: two near decimal.MaxValue overflowed the sum (a 500).
            var total = wanted.Sum(t => t?.RatioPercent is >= 0 and <= 100 ? t.RatioPercent.Value : 0);
            errors.Check(total <= 100, "tanks", $"The ratios add up to {total} %; they must not exceed 100 %.");
            var removed = tanks.Where(t => !keys.Contains(t.Key)).ToList();
            foreach (var gone in removed)
            {
                if (await db.Categories.AnyAsync(c => c.TankId == gone.Id, ct))
                    errors.Add("tanks", $"The tank '{gone.Name}' still has categories: move them to another tank first.");
            }
            if (!errors.Any)
            {
                db.Tanks.RemoveRange(removed);
                for (var i = 0; i < wanted.Count; i++)
                {
                    var t = wanted[i];
                    var key = t.Key!.Trim().ToLowerInvariant();
                    var tank = tanks.FirstOrDefault(x => x.Key == key);
                    if (tank is null)
                    {
                        tank = new Tank { Id = Guid.CreateVersion7(), HouseholdId = householdId, Key = key };
                        db.Tanks.Add(tank);
                    }
                    tank.Name = t.Name!.Trim();
                    tank.RatioPercent = t.RatioPercent!.Value;
                    tank.SortOrder = i;
                }
            }
        }
        if (errors.Any) return errors.ToResult();
        if (request.MonthlyIncomeCents is { } newIncome) settings.MonthlyIncomeCents = newIncome;
        if (request.FuelCategoryId is not null) settings.FuelCategoryId = request.FuelCategoryId;
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok((await budget.ReadAsync(ct)).ToResponse(http.GetHouseholdAccess().Context.Currency));
    }
}
