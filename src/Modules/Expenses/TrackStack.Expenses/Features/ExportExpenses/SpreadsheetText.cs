namespace TrackStack.Expenses.Features.ExportExpenses;

/// <summary>CSV injection (OWASP): a spreadsheet runs a cell starting with =, +, -, @, tab or carriage return as a
/// formula, so a title like <c>=HYPERLINK(...)</c> would act when the export is opened. Text cells get a leading
/// apostrophe, which spreadsheets show as text. The amount columns are not text: the export writes them itself as
/// invariant decimals, so a refund stays the number -12.50.</summary>
internal static class SpreadsheetText
{
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(string text) => text.Length > 0 && Triggers.Contains(text[0]) ? "'" + text : text;
}
