using TrackStack.Expenses.Features.ExportExpenses;

namespace TrackStack.UnitTests.Expenses;

public sealed class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Coffee = 2", "Coffee = 2")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("", "")]
    public void A_text_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string text, string cell) =>
        Assert.Equal(cell, SpreadsheetText.Cell(text));
}
