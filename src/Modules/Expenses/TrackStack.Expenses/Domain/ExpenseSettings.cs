namespace TrackStack.Expenses.Domain;

/// <summary>A household's monthly budget settings.</summary>
internal sealed class ExpenseSettings : IHouseholdOwned
{
    public Guid HouseholdId { get; set; }
    public long MonthlyIncomeCents { get; set; }

    /// <summary>Where heating fuel purchases are recorded (null: the default "Heating" category).</summary>
    public Guid? FuelCategoryId { get; set; }
    public DateTime UpdatedAt { get; set; }
}
