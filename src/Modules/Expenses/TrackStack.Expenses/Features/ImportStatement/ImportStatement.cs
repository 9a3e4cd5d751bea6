namespace TrackStack.Expenses.Features.ImportStatement;

public sealed record ImportRowResponse(int Line, string Status, DateOnly? Date, long? AmountCents, string? Payee, string? Memo, string? BankId, Guid? CategoryId, string? Message);

/// <summary>The counts cover every line of the file (<c>new</c> is what a commit creates, also in a dry run);
/// <c>rows</c> lists at most the first lines and then further errors, and <c>rowsTruncated</c> says when some
/// were left out.</summary>
public sealed record ImportResponse(
    Guid? ImportId, string Format, bool DryRun, int Created, int New, int Duplicates, int Errors, int Skipped,
    int TotalRows, bool RowsTruncated, IReadOnlyList<ImportRowResponse> Rows);

internal static class ImportStatement
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public static void MapImportStatement(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/imports", HandleAsync)
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import a bank statement (CSV, OFX 1.x/2.x, QIF, CAMT.053), or preview it with dryRun=true")
            .WithDescription($"multipart/form-data with 'file' (≤ 10 MB, 413 beyond) and optional fields: dryRun, includeCredits, and for CSV delimiter, decimalSeparator, encoding (utf-8, latin1, windows-1252), skipLines, hasHeader, dateColumn, amountColumn, debitColumn, creditColumn, payeeColumn, memoColumn, idColumn, currencyColumn (header names or 0-based indexes), dateFormat (e.g. dd.MM.yyyy), expensesArePositive. The format is detected from the content. A commit is atomic; duplicates (bank id, else date + amount + payee) are never added twice. The counts cover every line; 'rows' lists the first {ImportRows.ListedRows} lines and up to {ImportRows.ListedErrors} further errors ('rowsTruncated' when lines were left out).");

    internal static async Task<Results<Ok<ImportResponse>, Created<ImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HttpRequest request, ExpensesDb db, MonthSheets sheets, BudgetSetup budget, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        MultipartUpload.AllowBody(request, MaxFileBytes);
        if (!MultipartUpload.IsMultipart(request)) return new FieldErrors().Add("file", "Send the statement as multipart/form-data in the field 'file'.").ToResult();
        var (upload, problem) = await MultipartUpload.ReadAsync(request, MaxFileBytes, "The statement", ct);
        if (problem is not null) return problem;
        await using var _ = upload;
        var file = upload!.File;
        var errors = new FieldErrors();
        if (file is null || file.Length == 0) errors.Add("file", "Attach the statement in the field 'file'.");
        var (options, dryRun, includeCredits) = ImportOptions.Read(upload.Fields, errors);
        if (errors.Any) return errors.ToResult();

        var statement = StatementReader.Read(file!, options);
        var currency = http.GetHouseholdAccess().Context.Currency;
        var plan = await ImportPlanner.PlanAsync(db, householdId, statement, currency, includeCredits, ct);
        LargeImportMemory.ReleaseWhenDone(http.Response, plan.Count);
        var fresh = plan.Where(r => r.Status == RowStatus.New).ToList();

        Guid? importId = null;
        if (!dryRun && fresh.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var user = request.HttpContext.GetHouseholdAccess().UserId;
            var import = new StatementImport
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = householdId,
                FileName = FileName(upload.FileName),
                Format = statement.Format,
                Created = fresh.Count,
                Duplicates = plan.Count(r => r.Status == RowStatus.Duplicate),
                Errors = plan.Count(r => r.Status == RowStatus.Error),
                Skipped = plan.Count(r => r.Status == RowStatus.Skipped),
                CreatedAt = now,
                CreatedBy = user,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await budget.EnsureAsync(ct);
            foreach (var month in fresh.Select(r => YearMonth.Of(r.Source!.Date)).Distinct())
            {
                await sheets.EnsureWritableAsync(month, ct);
            }
            db.Imports.Add(import);
            var entries = fresh.Select(r => new Entry
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = householdId,
                Date = r.Source!.Date,
                AmountCents = r.AmountCents!.Value,
                Title = BankText.Truncate(r.Source.Payee ?? r.Source.Memo ?? "Bank transaction", 200),
                Note = r.Source.Memo is { } memo && memo != r.Source.Payee ? BankText.Truncate(memo, 2000) : null,
                CategoryId = r.CategoryId,
                Kind = EntryKind.Import,
                BankTransactionId = r.Source.BankId is { } id ? BankIds.Normalize(id) : null,
                DedupKey = r.DedupKey,
                ImportId = import.Id,
                PaidBy = user,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = user,
            }).ToList();
            try
            {
                await db.SaveChangesAsync(ct);
                // The hot path: one prepared INSERT for all rows, in the same transaction as the months and the import.
                await db.BulkInsertAsync(entries, ct);
                await tx.CommitAsync(ct);
            }
            catch (Exception ex) when (DbErrors.IsRace(ex))
            {
                return Problems.Conflict("Import collided with another change", "Another import of the same transactions ran at the same time. Nothing was stored; try again.");
            }
            importId = import.Id;
        }

        var response = ImportRows.Answer(importId, statement.Format, dryRun, plan);
        return importId is null ? TypedResults.Ok(response) : TypedResults.Created($"/api/households/{householdId}/expenses/imports/{importId}", response);
    }

    /// <summary>The name as the client sent it, without folders or control characters, at most 200 characters.</summary>
    private static string FileName(string? sent)
    {
        var name = new string(Path.GetFileName(sent ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length is > 0 and <= 200 ? name : "statement";
    }
}
