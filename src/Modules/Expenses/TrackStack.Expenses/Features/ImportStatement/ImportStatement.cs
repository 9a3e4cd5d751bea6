namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>The entry (<c>kind</c> "entry") or pending checklist bill ("bill") a line matches; <c>date</c> is the
/// entry's date or the bill's due date.</summary>
public sealed record ImportMatchResponse(string Kind, Guid Id, DateOnly Date, string Title, long AmountCents);

/// <summary><c>amountCents</c> is what the line adds to the spending (money in is negative: the bank's sign is its
/// opposite). <c>match</c> is the automatic (or chosen) match, also when a decision adds the line anyway;
/// <c>addable</c> marks skipped money in that a decision "add" imports as a refund.</summary>
public sealed record ImportRowResponse(int Line, string Status, DateOnly? Date, long? AmountCents, string? Payee, string? Memo, string? BankId, Guid? CategoryId, string? Message,
    ImportMatchResponse? Match, bool Addable);

/// <summary>The counts cover every line of the file (<c>new</c> lines become entries, <c>matched</c> lines link to
/// existing entries, <c>bills</c> lines tick a checklist bill; <c>created</c> counts the entries a commit made);
/// <c>rows</c> lists at most the first lines and then further errors, and <c>rowsTruncated</c> says when some
/// were left out. <c>rememberedLayout</c>: the CSV was read with the columns the household confirmed for its layout.</summary>
public sealed record ImportResponse(
    Guid? ImportId, string Format, bool DryRun, int Created, int New, int Matched, int Bills, int Duplicates, int Errors, int Skipped,
    int TotalRows, bool RowsTruncated, bool RememberedLayout, IReadOnlyList<ImportRowResponse> Rows);

internal static class ImportStatement
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The preview's edits: about 100 characters per decision.</summary>
    private static readonly Dictionary<string, int> LongFields = new() { ["decisions"] = ImportDecisions.MaxDecisions * 120 };

    public static void MapImportStatement(this RouteGroupBuilder expenses) =>
        expenses.MapPost("/imports", HandleAsync)
            .DisableAntiforgery() // cookie writes are protected by the X-XSRF-TOKEN check of the platform
            .WithSummary("Import a bank statement (CSV, OFX 1.x/2.x, QIF, CAMT.053), or preview it with dryRun=true")
            .WithDescription($"multipart/form-data with 'file' (≤ 10 MB, 413 beyond) and optional fields: dryRun, includeCredits, decisions, and for CSV delimiter, decimalSeparator, encoding (utf-8, latin1, windows-1252), skipLines, hasHeader, dateColumn, amountColumn, debitColumn, creditColumn, payeeColumn, memoColumn, idColumn, currencyColumn (header names or 0-based indexes), dateFormat (e.g. dd.MM.yyyy), expensesArePositive. The format is detected from the content; CSV headers of the common banks are recognised by their words, and the column options a household committed for a header row are remembered for the next file with that header ('rememberedLayout'). A line with the same amount as an entry the household made itself (typed, recurring, ticked bill) within {ImportMatcher.Days} days and a similar payee is 'matched': it links to that entry (which then carries the bank line, so a re-import finds it) instead of adding a second one; a line matching a pending checklist bill ('bills') ticks it. 'decisions' is a JSON array of the user's changes to the preview, by statement line: [{{\"line\": 12, \"action\": \"skip\"|\"add\"|\"link\"|\"tick\"|\"keep\", \"entryId\": …, \"obligationId\": …, \"categoryId\": …}}] — skip leaves the line out, add adds it as a new entry even when it matched (or adds money in as a refund), link/tick choose the entry or bill, categoryId sets the category; a decision that cannot be followed is a 400. Without decisions the proposals apply as they are. A commit is atomic; duplicates (bank id, else date + amount + payee) are never added twice. The counts cover every line; 'rows' lists the first {ImportRows.ListedRows} lines and up to {ImportRows.ListedErrors} further errors ('rowsTruncated' when lines were left out).");

    internal static async Task<Results<Ok<ImportResponse>, Created<ImportResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid householdId, HttpRequest request, ExpensesDb db, MonthSheets sheets, BudgetSetup budget, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        MultipartUpload.AllowBody(request, MaxFileBytes);
        if (!MultipartUpload.IsMultipart(request)) return new FieldErrors().Add("file", "Send the statement as multipart/form-data in the field 'file'.").ToResult();
        var (upload, problem) = await MultipartUpload.ReadAsync(request, MaxFileBytes, "The statement", ct, LongFields);
        if (problem is not null) return problem;
        await using var _ = upload;
        var file = upload!.File;
        var errors = new FieldErrors();
        if (file is null || file.Length == 0) errors.Add("file", "Attach the statement in the field 'file'.");
        var (options, dryRun, includeCredits) = ImportOptions.Read(upload.Fields, errors);
        var decisions = ImportDecisions.Read(upload.Fields.GetValueOrDefault("decisions"), errors);
        if (errors.Any) return errors.ToResult();

        var layouts = await CsvLayouts.LoadAsync(db, ct);
        var statement = StatementReader.Read(file!, options, layouts);
        var currency = http.GetHouseholdAccess().Context.Currency;
        var plan = await ImportPlanner.PlanAsync(db, householdId, statement, currency, includeCredits, decisions, errors, ct);
        if (errors.Any) return errors.ToResult();
        LargeImportMemory.ReleaseWhenDone(http.Response, plan.Count);
        var fresh = plan.Where(r => r.Status == RowStatus.New).ToList();
        var matched = plan.Where(r => r.Status == RowStatus.Matched).ToList();
        var bills = plan.Where(r => r.Status == RowStatus.Bill).ToList();

        Guid? importId = null;
        if (!dryRun && fresh.Count + matched.Count + bills.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var user = request.HttpContext.GetHouseholdAccess().UserId;
            var import = new StatementImport
            {
                Id = Guid.CreateVersion7(),
                HouseholdId = householdId,
                FileName = FileName(upload.FileName),
                Format = statement.Format,
                Created = fresh.Count + bills.Count,
                Duplicates = plan.Count(r => r.Status == RowStatus.Duplicate),
                Errors = plan.Count(r => r.Status == RowStatus.Error),
                Skipped = plan.Count(r => r.Status == RowStatus.Skipped),
                CreatedAt = now,
                CreatedBy = user,
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await budget.EnsureAsync(ct);
            foreach (var month in fresh.Concat(bills).Select(r => YearMonth.Of(r.Source!.Date)).Distinct())
            {
                await sheets.EnsureWritableAsync(month, ct);
            }
            if (statement.Layout is { } layout) await CsvLayouts.RememberAsync(db, householdId, layout, user, now, ct);
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
                await ImportLinks.LinkAsync(db, matched, import.Id, ct);
                entries.AddRange(await ImportLinks.TickAsync(db, sheets, bills, import.Id, user, now, ct));
                await EntryEvents.PublishRecordedAsync(db, entries, ct);
                await db.SaveChangesAsync(ct);
                // The hot path: one prepared INSERT for all rows, in the same transaction as the months and the import.
                await db.BulkInsertAsync(entries, ct);
                await tx.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is ImportRaceException || DbErrors.IsRace(ex))
            {
                return Problems.Conflict("Import collided with another change", "Another import of the same transactions ran at the same time. Nothing was stored; try again.");
            }
            importId = import.Id;
        }

        var response = ImportRows.Answer(importId, statement.Format, dryRun, plan, statement.Layout?.Remembered == true);
        return importId is null ? TypedResults.Ok(response) : TypedResults.Created($"/api/households/{householdId}/expenses/imports/{importId}", response);
    }

    /// <summary>The name as the client sent it, without folders or control characters, at most 200 characters.</summary>
    private static string FileName(string? sent)
    {
        var name = new string(Path.GetFileName(sent ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length is > 0 and <= 200 ? name : "statement";
    }
}
