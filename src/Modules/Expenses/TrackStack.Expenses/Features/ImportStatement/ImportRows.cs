namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>The answer to an import: exact counts over the whole plan, and a bounded list of rows. A 200,000-line
/// dry run answered 32 MB when every line was listed; the preview needs the first lines to check the columns and
/// the errors to fix the file.</summary>
internal static class ImportRows
{
    public const int ListedRows = 1000;
    public const int ListedErrors = 1000;

    public static ImportResponse Answer(Guid? importId, string format, bool dryRun, IReadOnlyList<PlannedRow> plan, bool rememberedLayout)
    {
        var listed = plan.Take(ListedRows).Concat(plan.Skip(ListedRows).Where(r => r.Status == RowStatus.Error).Take(ListedErrors)).ToList();
        var fresh = plan.Count(r => r.Status == RowStatus.New);
        var bills = plan.Count(r => r.Status == RowStatus.Bill);
        return new ImportResponse(importId, format, dryRun,
            Created: importId is null ? 0 : fresh + bills,
            New: fresh,
            Matched: plan.Count(r => r.Status == RowStatus.Matched),
            Bills: bills,
            RememberedLayout: rememberedLayout,
            Duplicates: plan.Count(r => r.Status == RowStatus.Duplicate),
            Errors: plan.Count(r => r.Status == RowStatus.Error),
            Skipped: plan.Count(r => r.Status == RowStatus.Skipped),
            TotalRows: plan.Count,
            RowsTruncated: listed.Count < plan.Count,
            Rows: listed.Select(r => new ImportRowResponse(r.Line, r.Status.ToString().ToLowerInvariant(), r.Source?.Date, r.AmountCents,
                r.Source?.Payee, r.Source?.Memo, r.Source?.BankId, r.CategoryId, r.Message,
                r.Match is { } m ? new ImportMatchResponse(m.Kind, m.Id, m.Date, m.Title, m.AmountCents) : null, r.Addable)).ToList());
    }
}
