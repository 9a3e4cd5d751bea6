namespace TrackStack.Expenses.Domain;

/// <summary>The CSV reading options a household confirmed for one file layout (a bank's header row, named by its
/// hash), so the next file of that bank imports without options.</summary>
internal sealed class CsvLayoutMemory : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }

    /// <summary>SHA-256 (hex) of the header row's normalised words.</summary>
    public string HeaderHash { get; set; } = "";

    /// <summary>The header row as the bank wrote it, for people reading the table.</summary>
    public string Header { get; set; } = "";

    /// <summary>The confirmed options as JSON (column names or indexes, date format, decimal separator, sign).</summary>
    public string Options { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }
}
