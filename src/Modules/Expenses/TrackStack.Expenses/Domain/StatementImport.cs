namespace TrackStack.Expenses.Domain;

/// <summary>One committed bank-statement import.</summary>
internal sealed class StatementImport : IHouseholdOwned
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string FileName { get; set; } = "";
    public string Format { get; set; } = "";
    public int Created { get; set; }
    public int Duplicates { get; set; }
    public int Errors { get; set; }
    public int Skipped { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid CreatedBy { get; set; }
}
