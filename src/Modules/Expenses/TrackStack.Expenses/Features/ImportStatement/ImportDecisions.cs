using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackStack.Expenses.Features.ImportStatement;

internal enum DecisionAction
{
    /// <summary>Keep what the preview proposed (only the category changes).</summary>
    Keep,
    Skip,
    Add,
    Link,
    Tick,
}

/// <summary>One line the user changed in the preview: leave it out, add it anyway, link it to an entry, tick a bill
/// with it, and/or give it a category.</summary>
internal sealed record ImportDecision(int Line, DecisionAction Action, Guid? EntryId, Guid? ObligationId, Guid? CategoryId);

/// <summary>The <c>decisions</c> field of a commit: a JSON array of
/// <c>{"line": 12, "action": "skip"|"add"|"link"|"tick", "entryId": …, "obligationId": …, "categoryId": …}</c>,
/// read and checked against the plan; a decision the plan cannot follow is a field error, never a silent change.</summary>
internal static class ImportDecisions
{
    /// <summary>Every line of a large statement; the field's length is bounded to match (ImportStatement).</summary>
    public const int MaxDecisions = 20_000;

    private sealed record Wire(int? Line, string? Action, Guid? EntryId, Guid? ObligationId, Guid? CategoryId);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static IReadOnlyList<ImportDecision> Read(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        List<Wire?>? wire;
        try
        {
            wire = JsonSerializer.Deserialize<List<Wire?>>(text, Json);
        }
        catch (JsonException)
        {
            errors.Add("decisions", "Give a JSON array of {line, action, entryId, obligationId, categoryId}.");
            return [];
        }
        if (wire is null) return [];
        if (wire.Count > MaxDecisions)
        {
            errors.Add("decisions", $"At most {MaxDecisions} decisions.");
            return [];
        }
        var decisions = new List<ImportDecision>(wire.Count);
        var lines = new HashSet<int>();
        for (var i = 0; i < wire.Count; i++)
        {
            var field = $"decisions[{i}]";
            if (wire[i] is not { } w || w.Line is not { } line || line < 1)
            {
                errors.Add(field, "Give the line number of the statement line.");
                continue;
            }
            if (!lines.Add(line)) errors.Add(field, $"Line {line} has two decisions.");
            DecisionAction action;
            switch (w.Action?.Trim().ToLowerInvariant())
            {
                case null or "" or "keep": action = DecisionAction.Keep; break;
                case "skip": action = DecisionAction.Skip; break;
                case "add": action = DecisionAction.Add; break;
                case "link": action = DecisionAction.Link; break;
                case "tick": action = DecisionAction.Tick; break;
                default: errors.Add($"{field}.action", "Use keep, skip, add, link or tick."); continue;
            }
            if (action == DecisionAction.Link && w.EntryId is null) errors.Add($"{field}.entryId", "Name the entry to link the line to.");
            if (action == DecisionAction.Tick && w.ObligationId is null) errors.Add($"{field}.obligationId", "Name the checklist bill the line pays.");
            decisions.Add(new ImportDecision(line, action, w.EntryId, w.ObligationId, w.CategoryId));
        }
        return decisions;
    }

    /// <summary>Applies the decisions to the plan (after the automatic matches), checking every id they name against
    /// the household's own data (the household filter makes another household's ids unknown).</summary>
    public static async Task ApplyAsync(ExpensesDb db, List<PlannedRow> rows, IReadOnlyList<ImportDecision> decisions, FieldErrors errors, CancellationToken ct)
    {
        if (decisions.Count == 0) return;
        var byLine = new Dictionary<int, int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Source is not null) byLine.TryAdd(rows[i].Line, i);
        }
        var categoryIds = decisions.Where(d => d.CategoryId is not null).Select(d => d.CategoryId!.Value).Distinct().ToList();
        var categories = (await db.Categories.AsNoTracking().Where(c => categoryIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var entryIds = decisions.Where(d => d.Action == DecisionAction.Link).Select(d => d.EntryId!.Value).Distinct().ToList();
        var closed = entryIds.Count > 0 ? await ImportMatcher.ClosedMonthsAsync(db, ct) : [];
        var entries = (await ImportMatcher.Candidates(db).Where(e => entryIds.Contains(e.Id))
            .Select(e => new MatchProposal(MatchProposal.Entry, e.Id, e.Date, e.Title, e.AmountCents)).ToListAsync(ct))
            .Where(e => !closed.Contains(YearMonth.Of(e.Date).Key)).ToDictionary(e => e.Id);
        var billIds = decisions.Where(d => d.Action == DecisionAction.Tick).Select(d => d.ObligationId!.Value).ToHashSet();
        var bills = new Dictionary<(Guid, int), Obligation>();
        if (billIds.Count > 0)
        {
            // A bill is named by its id, or by its template's id as a month not opened yet shows it.
            // The month of each line a tick is decided for, and the months around it (a bill may be due next to it).
            var decided = decisions.Where(d => d.Action == DecisionAction.Tick).Select(d => d.Line).ToHashSet();
            var months = rows.Where(r => r.Source is not null && decided.Contains(r.Line))
                .SelectMany(r => new[] { r.Source!.Date.AddMonths(-1), r.Source.Date, r.Source.Date.AddMonths(1) }).Select(d => YearMonth.Of(d).Key).ToHashSet();
            foreach (var o in await ImportMatcher.PendingBillsAsync(db, months, ct))
            {
                if (billIds.Contains(o.Id)) bills[(o.Id, 0)] = o;
                if (billIds.Contains(o.TemplateId)) bills[(o.TemplateId, o.Month)] = o;
            }
        }

        for (var n = 0; n < decisions.Count; n++)
        {
            var d = decisions[n];
            var field = $"decisions[{n}]";
            if (!byLine.TryGetValue(d.Line, out var i))
            {
                errors.Add(field, $"Line {d.Line} is not a transaction of this file.");
                continue;
            }
            var row = rows[i];
            if (d.CategoryId is { } category && !categories.Contains(category)) errors.Add($"{field}.categoryId", "Choose one of the household's categories.");
            if (d.Action == DecisionAction.Skip)
            {
                if (row.Status is not (RowStatus.Error or RowStatus.Duplicate)) rows[i] = row with { Status = RowStatus.Skipped, Message = "Left out.", EntryId = null, ObligationId = null };
                continue;
            }
            if (row.Status is RowStatus.Error or RowStatus.Duplicate || (row.Status == RowStatus.Skipped && !row.Addable))
            {
                if (d.Action != DecisionAction.Keep || d.CategoryId is not null) errors.Add(field, $"Line {d.Line} cannot be imported: {row.Message}");
                continue;
            }
            switch (d.Action)
            {
                case DecisionAction.Add:
                    row = row with { Status = RowStatus.New, EntryId = null, ObligationId = null, Message = null };
                    break;
                case DecisionAction.Link when entries.TryGetValue(d.EntryId!.Value, out var entry):
                    row = row with { Status = RowStatus.Matched, EntryId = entry.Id, ObligationId = null, Match = entry, Message = null };
                    break;
                case DecisionAction.Link:
                    errors.Add($"{field}.entryId", "Choose an entry of the household that no bank line is linked to yet.");
                    continue;
                case DecisionAction.Tick when (bills.GetValueOrDefault((d.ObligationId!.Value, YearMonth.Of(row.Source!.Date).Key)) ?? bills.GetValueOrDefault((d.ObligationId!.Value, 0))) is { } bill:
                    row = row with { Status = RowStatus.Bill, ObligationId = bill.Id, EntryId = null, Match = ImportMatcher.ToProposal(bill), Message = null };
                    break;
                case DecisionAction.Tick:
                    errors.Add($"{field}.obligationId", "Choose a checklist bill of the household that is not ticked yet.");
                    continue;
            }
            rows[i] = d.CategoryId is { } c ? row with { CategoryId = c, CategoryChosen = true } : row;
        }
        // Two lines linked to one entry would count it once for two payments.
        foreach (var twice in rows.Where(r => r.Status is RowStatus.Matched or RowStatus.Bill).GroupBy(r => r.EntryId ?? r.ObligationId).Where(g => g.Count() > 1))
        {
            errors.Add("decisions", $"Lines {string.Join(", ", twice.Select(r => r.Line))} are linked to the same entry or bill.");
        }
    }
}
