namespace TrackStack.Expenses.Domain;

/// <summary>A household's monthly budget settings.</summary>
internal sealed class ExpenseSettings
{
    public Guid HouseholdId { get; set; }
    public long MonthlyIncomeCents { get; set; }

    /// <summary>Where heating fuel purchases are recorded (null: the default "Heating" category).</summary>
    public Guid? FuelCategoryId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A budget "tank": a share of the income that a group of categories draws from.</summary>
internal sealed class Tank
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal RatioPercent { get; set; }
    public int SortOrder { get; set; }
}

internal sealed class Category
{
    public Guid Id { get; set; }
    public Guid HouseholdId { get; set; }
    public Guid TankId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}

internal enum AllocationStatus
{
    Complete,
    Unassigned,
    Over,
}

internal static class Allocation
{
    public static AllocationStatus StatusOf(decimal totalPercent) =>
        totalPercent == 100m ? AllocationStatus.Complete : totalPercent < 100m ? AllocationStatus.Unassigned : AllocationStatus.Over;
}

/// <summary>What a new household starts with: the author's 60/20/20 split into Fund, Fun and Future.</summary>
internal static class DefaultBudget
{
    public const string HeatingCategory = "Heating";

    public static readonly (string Key, string Name, decimal Ratio, string[] Categories)[] Tanks =
    [
        ("fund", "Fund", 60m, ["Housing", "Utilities", HeatingCategory, "Groceries", "Insurance", "Transport", "Health", "Phone & internet"]),
        ("fun", "Fun", 20m, ["Restaurants", "Entertainment", "Hobbies", "Travel", "Shopping", "Gifts"]),
        ("future", "Future", 20m, ["Savings", "Investments", "Pension", "Emergency fund"]),
    ];
}
