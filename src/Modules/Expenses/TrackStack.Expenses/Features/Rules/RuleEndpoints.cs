using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TrackStack.BuildingBlocks;
using TrackStack.Expenses.Domain;
using TrackStack.Expenses.Infrastructure;

namespace TrackStack.Expenses.Features.Rules;

internal static class RuleEndpoints
{
    public static void MapRules(this RouteGroupBuilder expenses)
    {
        expenses.MapGet("/rules", ListAsync).WithSummary("Categorisation rules, in the order they are tried");
        expenses.MapPost("/rules", CreateAsync).WithSummary("Add a rule: when payee, memo or either contains (or matches the regex) the pattern, use the category");
        expenses.MapPut("/rules/{ruleId:guid}", UpdateAsync).WithSummary("Change a rule");
        expenses.MapDelete("/rules/{ruleId:guid}", DeleteAsync).WithSummary("Delete a rule");
        expenses.MapPost("/rules/apply", ApplyAsync)
            .WithSummary("Run the rules again over existing entries")
            .WithDescription("By default only uncategorised entries change (onlyUncategorised=true); month=yyyy-MM limits it to one month.");
    }

    internal static async Task<Results<Ok<PagedResponse<RuleResponse>>, ValidationProblem>> ListAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.Rules.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .OrderBy(r => r.Priority).ThenBy(r => r.Pattern).ThenBy(r => r.Id).ToPageAsync(paging, ToResponse, ct));
    }

    internal static async Task<Results<Created<RuleResponse>, ValidationProblem>> CreateAsync(Guid householdId, RuleRequest request, ExpensesDb db, CancellationToken ct)
    {
        var (rule, errors) = await ParseAsync(request, householdId, db, ct);
        if (await db.Rules.CountAsync(r => r.HouseholdId == householdId, ct) >= Categoriser.MaxRules)
            errors.Add("pattern", $"A household can keep at most {Categoriser.MaxRules} rules.");
        if (errors.Any) return errors.ToResult();
        rule.Id = Guid.CreateVersion7();
        db.Rules.Add(rule);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/households/{householdId}/expenses/rules/{rule.Id}", ToResponse(rule));
    }

    internal static async Task<Results<Ok<RuleResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(Guid householdId, Guid ruleId, RuleRequest request, ExpensesDb db, CancellationToken ct)
    {
        var existing = await db.Rules.FirstOrDefaultAsync(r => r.Id == ruleId && r.HouseholdId == householdId, ct);
        if (existing is null) return Problems.NotFound("Rule");
        var (rule, errors) = await ParseAsync(request, householdId, db, ct);
        if (errors.Any) return errors.ToResult();
        existing.Field = rule.Field;
        existing.Match = rule.Match;
        existing.Pattern = rule.Pattern;
        existing.CategoryId = rule.CategoryId;
        existing.Priority = rule.Priority;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToResponse(existing));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid householdId, Guid ruleId, ExpensesDb db, CancellationToken ct) =>
        await db.Rules.Where(r => r.Id == ruleId && r.HouseholdId == householdId).ExecuteDeleteAsync(ct) == 0 ? Problems.NotFound("Rule") : TypedResults.NoContent();

    internal static async Task<Results<Ok<ApplyRulesResponse>, ValidationProblem>> ApplyAsync(Guid householdId, ApplyRulesRequest? request, ExpensesDb db, TimeProvider clock, CancellationToken ct)
    {
        var query = db.Entries.Where(e => e.HouseholdId == householdId);
        if (request?.OnlyUncategorised ?? true) query = query.Where(e => e.CategoryId == null);
        if (request?.Month is { } month)
        {
            if (!YearMonth.TryParse(month, out var m)) return new FieldErrors().Add("month", "Use the form yyyy-MM.").ToResult();
            query = query.Where(e => e.Date >= m.First && e.Date < m.NextFirst);
        }
        var categoriser = new Categoriser(await db.Rules.AsNoTracking().Where(r => r.HouseholdId == householdId).ToListAsync(ct));
        var closed = await db.Months.Where(s => s.HouseholdId == householdId && s.Status == MonthStatus.Closed).Select(s => s.Month).ToListAsync(ct);
        var entries = await query.ToListAsync(ct);
        var updated = 0;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in entries)
        {
            if (closed.Contains(YearMonth.Of(entry.Date).Key)) continue;
            // Imports keep the memo in the note only when it differs from the payee (the title).
            var category = categoriser.CategoryFor(entry.Title, entry.Note ?? entry.Title);
            if (category is null || category == entry.CategoryId) continue;
            entry.CategoryId = category;
            entry.UpdatedAt = now;
            updated++;
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new ApplyRulesResponse(entries.Count, updated));
    }

    private static async Task<(CategoryRule Rule, FieldErrors Errors)> ParseAsync(RuleRequest r, Guid householdId, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var field = RuleField.Any;
        var match = RuleMatch.Contains;
        if (r.Field is not null && !(Enum.TryParse(r.Field, true, out field) && Enum.IsDefined(field))) errors.Add("field", "Use any, payee or memo.");
        if (r.Match is not null && !(Enum.TryParse(r.Match, true, out match) && Enum.IsDefined(match))) errors.Add("match", "Use contains or regex.");
        if (Categoriser.CheckPattern(match, r.Pattern) is { } bad) errors.Add("pattern", bad);
        if (r.CategoryId is not { } c || !await db.Categories.AnyAsync(x => x.Id == c && x.HouseholdId == householdId, ct)) errors.Add("categoryId", "Choose a category of the household.");
        return (new CategoryRule { HouseholdId = householdId, Field = field, Match = match, Pattern = r.Pattern?.Trim() ?? "", CategoryId = r.CategoryId ?? Guid.Empty, Priority = r.Priority ?? 100 }, errors);
    }

    private static RuleResponse ToResponse(CategoryRule r) => new(r.Id, r.Field.ToString().ToLowerInvariant(), r.Match.ToString().ToLowerInvariant(), r.Pattern, r.CategoryId, r.Priority);
}
