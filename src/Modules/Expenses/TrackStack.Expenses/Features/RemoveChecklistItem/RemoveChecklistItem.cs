namespace TrackStack.Expenses.Features.RemoveChecklistItem;

internal static class RemoveChecklistItem
{
    public static void MapRemoveChecklistItem(this RouteGroupBuilder expenses) =>
        expenses.MapDelete("/checklist/{templateId:guid}", HandleAsync).WithSummary("Remove an obligation; its pending items go, ticked ones stay");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid templateId, ExpensesDb db, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.FirstOrDefaultAsync(t => t.Id == templateId, ct);
        if (template is null) return Problems.NotFound("Checklist item");
        db.Obligations.RemoveRange(await db.Obligations.Where(o => o.TemplateId == templateId && o.Status == ObligationStatus.Pending).ToListAsync(ct));
        db.ChecklistTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
