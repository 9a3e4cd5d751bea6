using System.ComponentModel.DataAnnotations;

namespace TrackStack.Expenses;

/// <summary>Settings of the expenses module, bound from TrackStack:Expenses (TrackStack__Expenses__...).</summary>
internal sealed class ExpensesOptions
{
    public const string Section = "Expenses";

    /// <summary>How often due recurring entries are posted (they are also posted when a template is saved).</summary>
    [Range(1, 1440, ErrorMessage = "must be between 1 and 1440 (minutes).")]
    public int RecurringIntervalMinutes { get; set; } = 15;
}
