namespace TrackStack.Expenses.Features.DeleteCategory;

internal static class DeleteCategory
{
    public static void MapDeleteCategory(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/categories/{categoryId:guid}", HandleAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Delete a category")
            .WithDescription("A category that entries, templates or rules use is only deleted with ?reassignTo={otherCategoryId}.");

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> HandleAsync(Guid householdId, Guid categoryId, Guid? reassignTo, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        // All the moves and the delete happen together or not at all; the defaults a read showed are stored first.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await budget.EnsureAsync(ct);
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is null) return Problems.NotFound("Category");
        var used = await db.Entries.AnyAsync(e => e.CategoryId == categoryId, ct)
                   || await db.EntryParts.AnyAsync(p => p.CategoryId == categoryId, ct)
                   || await db.Obligations.AnyAsync(o => o.CategoryId == categoryId, ct)
                   || await db.RecurringTemplates.AnyAsync(t => t.CategoryId == categoryId, ct)
                   || await db.ChecklistTemplates.AnyAsync(t => t.CategoryId == categoryId, ct)
                   || await db.Rules.AnyAsync(r => r.CategoryId == categoryId, ct);
        if (used)
        {
            if (reassignTo is null) return Problems.Conflict("Category in use", "Entries, templates or rules use this category. Delete it with ?reassignTo={categoryId} to move them.");
            if (reassignTo == categoryId || !await db.Categories.AnyAsync(c => c.Id == reassignTo, ct))
                return new FieldErrors().Add("reassignTo", "Choose another category of this household.").ToResult();
            // The moved entries' events go with the save (their category tag changes).
            db.EntriesToRepublish.UnionWith(await db.Entries.Where(e => e.CategoryId == categoryId).Select(e => e.Id).ToListAsync(ct));
            db.EntriesToRepublish.UnionWith(await db.EntryParts.Where(p => p.CategoryId == categoryId).Select(p => p.EntryId).ToListAsync(ct));
            await db.Entries.Where(e => e.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CategoryId, reassignTo), ct);
            await SplitParts.ReassignAsync(db, categoryId, reassignTo.Value, ct);
            await db.RecurringTemplates.Where(t => t.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CategoryId, reassignTo), ct);
            await db.ChecklistTemplates.Where(t => t.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CategoryId, reassignTo), ct);
            await db.Obligations.Where(o => o.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CategoryId, reassignTo), ct);
            await db.Rules.Where(r => r.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CategoryId, reassignTo!.Value), ct);
        }
        await db.Settings.Where(s => s.FuelCategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FuelCategoryId, reassignTo), ct);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
