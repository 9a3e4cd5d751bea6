using System.Text;
using System.Text.Json;
using CsvHelper;

namespace TrackStack.Expenses.Features.ExportExpenses;

internal static class ExportExpenses
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapExportExpenses(this RouteGroupBuilder expenses) =>
        expenses.MapGet("/export", HandleAsync)
            .WithSummary("Download entries as CSV or JSON")
            .WithDescription("format=csv (default) or json; month=yyyy-MM or from/to dates; all entries when no range is given. Amounts in the CSV are decimal numbers (12.34, a refund -12.50), with the household currency. A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is written with a leading apostrophe.");

    internal static async Task<Results<FileContentHttpResult, ValidationProblem>> HandleAsync(
        Guid householdId, string? format, string? month, DateOnly? from, DateOnly? to, ExpensesDb db, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kind = (format ?? "csv").ToLowerInvariant();
        errors.Check(kind is "csv" or "json", "format", "Use csv or json.");
        var query = db.Entries.AsNoTracking();
        var label = "all";
        if (month is not null)
        {
            if (YearMonth.TryParse(month, out var m)) { query = query.Where(e => e.Date >= m.First && e.Date < m.NextFirst); label = m.ToString(); }
            else errors.Add("month", "Use the form yyyy-MM.");
        }
        if (from is { } f) { query = query.Where(e => e.Date >= f); label = $"{f:yyyy-MM-dd}_"; }
        if (to is { } t) { query = query.Where(e => e.Date <= t); label += $"{t:yyyy-MM-dd}"; }
        if (errors.Any) return errors.ToResult();

        var entries = await query.OrderBy(e => e.Date).ThenBy(e => e.CreatedAt).ToListAsync(ct);
        await db.LoadPartsAsync(entries, ct);
        var categories = await db.CategoryNamesAsync(ct);
        var currency = http.GetHouseholdAccess().Context.Currency;
        var name = $"trackstack-expenses-{label}.{kind}";
        if (kind == "json")
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(entries.Select(e => e.ToResponse(categories)), Json);
            return TypedResults.File(json, "application/json", name);
        }
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "date", "amount", "currency", "title", "category", "tank", "tags", "note", "kind", "original_amount", "original_currency", "id", "part" }) csv.WriteField(header);
            await csv.NextRecordAsync();
            // A split entry is one row per part (its category and amount, "1/2" in the part column), so the amount
            // column still sums to the total and a pivot by category counts each part once.
            var rows = entries.SelectMany(e => e.Parts.Count == 0
                ? [(Entry: e, CategoryId: e.CategoryId, Cents: e.AmountCents, Part: "")]
                : e.Parts.OrderBy(p => p.Position).Select((p, i) => (Entry: e, CategoryId: (Guid?)p.CategoryId, Cents: p.AmountCents, Part: $"{i + 1}/{e.Parts.Count}")));
            foreach (var (e, categoryId, cents, part) in rows)
            {
                var category = categoryId is { } id && categories.TryGetValue(id, out var c) ? c : ((string Name, string TankKey)?)null;
                csv.WriteField(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(Money.Format(cents));
                csv.WriteField(SpreadsheetText.Cell(currency));
                csv.WriteField(SpreadsheetText.Cell(e.Title));
                csv.WriteField(SpreadsheetText.Cell(category?.Name ?? ""));
                csv.WriteField(SpreadsheetText.Cell(category?.TankKey ?? ""));
                csv.WriteField(SpreadsheetText.Cell(string.Join(' ', e.TagList)));
                csv.WriteField(SpreadsheetText.Cell(e.Note ?? ""));
                csv.WriteField(e.Kind.ToString().ToLowerInvariant());
                csv.WriteField(e.OriginalAmountCents is { } o ? Money.Format(o) : "");
                csv.WriteField(SpreadsheetText.Cell(e.OriginalCurrency ?? ""));
                csv.WriteField(e.Id);
                csv.WriteField(part);
                await csv.NextRecordAsync();
            }
        }
        return TypedResults.File(new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv; charset=utf-8", name);
    }
}
