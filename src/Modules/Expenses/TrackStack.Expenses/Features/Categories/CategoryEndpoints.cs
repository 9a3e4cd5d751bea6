using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.BuildingBlocks.Households;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Categories;

internal static class CategoryEndpoints
{
    public static void MapCategories(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/categories", ListAsync).WithSummary("Categories with the tank each belongs to");
        expenses.MapPost("/categories", CreateAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Add a category to a tank");
        expenses.MapPut("/categories/{categoryId:guid}", UpdateAsync).RequireHouseholdRole(HouseholdRole.Admin).WithSummary("Rename a category or move it to another tank");
        expenses.MapDelete("/categories/{categoryId:guid}", DeleteAsync)
            .RequireHouseholdRole(HouseholdRole.Admin)
            .WithSummary("Delete a category")
            .WithDescription("A category that entries, templates or rules use is only deleted with ?reassignTo={otherCategoryId}.");
    }

    internal static async Task<Ok<CategoryResponse[]>> ListAsync(Guid householdId, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await budget.EnsureAsync(householdId, ct);
        var rows = await db.Categories.AsNoTracking().Where(c => c.HouseholdId == householdId)
            .Join(db.Tanks, c => c.TankId, t => t.Id, (c, t) => new { c, t.Key, TankOrder = t.SortOrder })
            .ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.TankOrder).ThenBy(r => r.c.SortOrder).ThenBy(r => r.c.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new CategoryResponse(r.c.Id, r.c.Name, r.Key, r.c.SortOrder)).ToArray());
    }

    internal static async Task<Results<Created<CategoryResponse>, ValidationProblem>> CreateAsync(Guid householdId, CategoryRequest request, ExpensesDb db, BudgetSetup budget, CancellationToken ct)
    {
        await budget.EnsureAsync(householdId, ct);
        var (tank, errors) = await ValidateAsync(db, householdId, request, null, ct);
        if (errors.Any) return errors.ToResult();
        var category = new Category { Id = Guid.CreateVersion7(), HouseholdId = householdId, TankId = tank!.Id, Name = request.Name!.Trim(), SortOrder = request.SortOrder ?? 100 };
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/categories/{category.Id}", new CategoryResponse(category.Id, category.Name, tank.Key, category.SortOrder));
    }

    internal static async Task<Results<Ok<CategoryResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid householdId, Guid categoryId, CategoryRequest request, ExpensesDb db, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId && c.HouseholdId == householdId, ct);
        if (category is null) return Problems.NotFound("Category");
        var (tank, errors) = await ValidateAsync(db, householdId, request, categoryId, ct);
        if (errors.Any) return errors.ToResult();
        category.Name = request.Name!.Trim();
        category.TankId = tank!.Id;
        if (request.SortOrder is { } order) category.SortOrder = order;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CategoryResponse(category.Id, category.Name, tank.Key, category.SortOrder));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid categoryId, Guid? reassignTo, ExpensesDb db, CancellationToken ct)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == categoryId && c.HouseholdId == householdId, ct);
        if (category is null) return Problems.NotFound("Category");
        // All the moves and the delete happen together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var used = await db.Entries.AnyAsync(e => e.HouseholdId == householdId && e.CategoryId == categoryId, ct)
                   || await db.Obligations.AnyAsync(o => o.HouseholdId == householdId && o.CategoryId == categoryId, ct)
                   || await db.RecurringTemplates.AnyAsync(t => t.HouseholdId == householdId && t.CategoryId == categoryId, ct)
                   || await db.ChecklistTemplates.AnyAsync(t => t.HouseholdId == householdId && t.CategoryId == categoryId, ct)
                   || await db.Rules.AnyAsync(r => r.HouseholdId == householdId && r.CategoryId == categoryId, ct);
        if (used)
        {
            if (reassignTo is null) return Problems.Conflict("Category in use", "Entries, templates or rules use this category. Delete it with ?reassignTo={categoryId} to move them.");
            if (reassignTo == categoryId || !await db.Categories.AnyAsync(c => c.Id == reassignTo && c.HouseholdId == householdId, ct))
                return new FieldErrors().Add("reassignTo", "Choose another category of this household.").ToResult();
            await db.Entries.Where(e => e.HouseholdId == householdId && e.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CategoryId, reassignTo), ct);
            await db.RecurringTemplates.Where(t => t.HouseholdId == householdId && t.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CategoryId, reassignTo), ct);
            await db.ChecklistTemplates.Where(t => t.HouseholdId == householdId && t.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(t => t.CategoryId, reassignTo), ct);
            await db.Obligations.Where(o => o.HouseholdId == householdId && o.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CategoryId, reassignTo), ct);
            await db.Rules.Where(r => r.HouseholdId == householdId && r.CategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(r => r.CategoryId, reassignTo!.Value), ct);
        }
        await db.Settings.Where(s => s.HouseholdId == householdId && s.FuelCategoryId == categoryId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FuelCategoryId, reassignTo), ct);
        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<(Tank? Tank, FieldErrors Errors)> ValidateAsync(ExpensesDb db, Guid householdId, CategoryRequest request, Guid? self, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = request.Name?.Trim() ?? "";
        errors.Check(name.Length is >= 1 and <= 60, "name", "Enter a name of 1 to 60 characters.");
        var key = request.TankKey?.Trim().ToLowerInvariant();
        var tank = key is null ? null : await db.Tanks.FirstOrDefaultAsync(t => t.HouseholdId == householdId && t.Key == key, ct);
        if (tank is null) errors.Add("tankKey", "Choose one of the household's tanks (e.g. fund, fun, future).");
        if (name.Length > 0)
        {
            var lower = name.ToLower();
            var taken = await db.Categories.AnyAsync(c => c.HouseholdId == householdId && c.Id != self && c.Name.ToLower() == lower, ct);
            errors.Check(!taken, "name", "A category with this name already exists.");
        }
        return (tank, errors);
    }
}
