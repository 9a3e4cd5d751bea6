namespace TrackStack.Expenses.Features.ListImports;

public sealed record ImportSummaryResponse(Guid Id, string FileName, string Format, int Created, int Duplicates, int Errors, int Skipped, DateTime CreatedAt);

internal static class ListImports
{
    public static void MapListImports(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/imports", HandleAsync).WithSummary("Past imports");

    internal static async Task<Results<Ok<PagedResponse<ImportSummaryResponse>>, ValidationProblem>> HandleAsync(Guid householdId, int? page, int? pageSize, ExpensesDb db, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var paging = Paging.Read(page, pageSize, errors);
        if (errors.Any) return errors.ToResult();
        return TypedResults.Ok(await db.Imports.AsNoTracking().OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id)
            .ToPageAsync(paging, i => new ImportSummaryResponse(i.Id, i.FileName, i.Format, i.Created, i.Duplicates, i.Errors, i.Skipped, i.CreatedAt), ct));
    }
}
