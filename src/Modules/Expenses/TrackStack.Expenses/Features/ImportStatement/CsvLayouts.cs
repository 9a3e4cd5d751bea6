using System.Text.Json;

namespace TrackStack.Expenses.Features.ImportStatement;

/// <summary>The CSV options a household confirmed per file layout: a commit that names columns (or a date format,
/// decimal separator, sign) remembers them for its header row; the next file with that header is read with them
/// where the request names nothing else.</summary>
internal static class CsvLayouts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>All of the household's layouts (a handful: one per bank account it imports from).</summary>
    public static async Task<IReadOnlyDictionary<string, CsvOptions>> LoadAsync(ExpensesDb db, CancellationToken ct)
    {
        var stored = await db.CsvLayouts.AsNoTracking().Select(l => new { l.HeaderHash, l.Options }).ToListAsync(ct);
        var layouts = new Dictionary<string, CsvOptions>(StringComparer.Ordinal);
        foreach (var l in stored)
        {
            try
            {
                if (JsonSerializer.Deserialize<CsvOptions>(l.Options, Json) is { } options) layouts[l.HeaderHash] = options;
            }
            catch (JsonException)
            {
                // Unreadable (written by a later version): the file is read as if nothing were remembered.
            }
        }
        return layouts;
    }

    public static async Task RememberAsync(ExpensesDb db, Guid householdId, CsvLayout layout, Guid user, DateTime now, CancellationToken ct)
    {
        var confirmed = layout.Options.Confirmed();
        if (!confirmed.NamesColumns) return;
        var json = JsonSerializer.Serialize(confirmed, Json);
        if (json.Length > 2000) return;
        var row = await db.CsvLayouts.FirstOrDefaultAsync(l => l.HeaderHash == layout.Hash, ct);
        if (row is null)
        {
            row = new CsvLayoutMemory { Id = Guid.CreateVersion7(), HouseholdId = householdId, HeaderHash = layout.Hash };
            db.CsvLayouts.Add(row);
        }
        row.Header = BankText.Truncate(string.Join(" | ", layout.Header), 2000);
        row.Options = json;
        row.UpdatedAt = now;
        row.UpdatedBy = user;
    }
}
