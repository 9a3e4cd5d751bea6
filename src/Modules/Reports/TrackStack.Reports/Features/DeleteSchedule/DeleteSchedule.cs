namespace TrackStack.Reports.Features.DeleteSchedule;

internal static class DeleteSchedule
{
    public static void MapDeleteSchedule(this RouteGroupBuilder group) =>
        group.MapDelete("/schedules/{id:guid}", HandleAsync).WithSummary("Delete a report schedule, its outside recipients and its history of sends");

    internal static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid householdId, Guid id, ReportsDb db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var deleted = await db.Schedules.Where(s => s.Id == id && s.Digest == null).ExecuteDeleteAsync(ct);
        if (deleted == 0) return Problems.NotFound("report schedule");
        await db.Deliveries.Where(d => d.ScheduleId == id).ExecuteDeleteAsync(ct);
        await db.Guests.Where(g => g.ScheduleId == id).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
