using System.Globalization;
using TrackStack.Expenses.Importing;

namespace TrackStack.UnitTests.Expenses;

/// <summary>The header rows of the CSV exports of common banks (tests/fixtures/bank/layouts) read with no options:
/// date, amount with the bank's sign, payee and memo from the right columns.</summary>
public sealed class BankHeaderTests
{
    private static ParsedStatement Read(string file) => StatementReader.Read(new MemoryStream(Fixtures.Bytes($"bank/layouts/{file}")), new CsvOptions());

    [Theory]
    [InlineData("dkb.csv", "2026-11-28", "-1234.56", "REWE Markt GmbH", "REWE SAGT DANKE 1234")]
    [InlineData("dkb-classic.csv", "2026-11-28", "-84.00", "Stadtwerke München", "Abschlag Strom 11/2026")]
    [InlineData("sparkasse.csv", "2026-11-28", "-39.95", "Telekom Deutschland GmbH", "Vertrag 556677 Mobilfunk")]
    [InlineData("ing.csv", "2026-11-28", "-13.99", "Netflix International B.V.", "Netflix Monatsabo")]
    [InlineData("volksbank.csv", "2026-11-28", "-412.30", "Allianz Versicherungs-AG", "Kfz-Versicherung 2026")]
    [InlineData("n26.csv", "2026-11-28", "-10.99", "Spotify AB", "Spotify Premium")]
    [InlineData("n26-classic.csv", "2026-11-28", "-23.47", "Lidl", null)]
    [InlineData("revolut.csv", "2026-11-28", "-18.40", "Uber", null)]
    [InlineData("commerzbank.csv", "2026-11-28", "-29.99", "Vodafone GmbH Kundennr 12345 Rechnung November", "Vodafone GmbH Kundennr 12345 Rechnung November")]
    [InlineData("postbank.csv", "2026-11-28", "-62.90", "Deutsche Bahn AG", "BahnCard 25")]
    [InlineData("credit-agricole.csv", "2026-11-28", "-74.00", "PRLV SEPA EDF CLIENTS PARTICULIERS ECHEANCE 11/2026", "PRLV SEPA EDF CLIENTS PARTICULIERS ECHEANCE 11/2026")]
    [InlineData("abn-amro.csv", "2026-11-28", "-45.25", "BEA, Betaalpas Albert Heijn 1234,PAS123 NR:AB1234 28.11.26/17:02 AMSTERDAM", "BEA, Betaalpas Albert Heijn 1234,PAS123 NR:AB1234 28.11.26/17:02 AMSTERDAM")]
    [InlineData("rabobank.csv", "2026-11-28", "-27.50", "Eneco", "Termijnbedrag november")]
    [InlineData("lloyds.csv", "2026-11-28", "-42.10", "TESCO STORES 3121", null)]
    [InlineData("monzo.csv", "2026-11-28", "-6.45", "Pret A Manger", "lunch")]
    public void A_banks_export_reads_without_options(string file, string date, string amount, string payee, string? memo)
    {
        var s = Read(file);
        Assert.Empty(s.Errors);
        var first = s.Transactions[0];
        Assert.Equal((DateOnly.Parse(date, CultureInfo.InvariantCulture), decimal.Parse(amount, CultureInfo.InvariantCulture), payee, memo),
            (first.Date, first.Amount, first.Payee, first.Memo));
    }

    [Fact]
    public void Money_in_names_the_payer_where_the_bank_writes_both_sides()
    {
        var income = Read("dkb.csv").Transactions[1];
        Assert.Equal((3150.00m, "ACME Software GmbH"), (income.Amount, income.Payee));
        Assert.Equal(2150.00m, Read("credit-agricole.csv").Transactions[1].Amount);
    }

    [Fact]
    public void Foreign_amounts_and_creditor_ids_are_not_taken_for_the_amount_currency_or_bank_id()
    {
        // N26's "Original Currency" is USD and Sparkasse's "Glaeubiger ID" repeats for every debit of a creditor.
        Assert.Null(Read("n26.csv").Transactions[0].Currency);
        Assert.Null(Read("sparkasse.csv").Transactions[0].BankId);
        Assert.Null(Read("dkb-classic.csv").Transactions[0].BankId);
        Assert.Equal("tx_0000A1b2C3d4E5f6G7h8", Read("monzo.csv").Transactions[0].BankId);
        Assert.Equal("EUR", Read("rabobank.csv").Transactions[0].Currency);
    }

    [Fact]
    public void A_category_column_is_read_as_the_category_name()
    {
        Assert.Equal("Telefon & Internet", Read("commerzbank.csv").Transactions[0].CategoryName);
        Assert.Equal("Eating out", Read("monzo.csv").Transactions[0].CategoryName);
    }

    [Theory]
    [InlineData("Zahlungsempfänger*in", "zahlungsempfaenger")]
    [InlineData("Betrag (€)", "betrag")]
    [InlineData("  \"Débit euros\" ", "debit")]
    [InlineData("Beguenstigter/Zahlungspflichtiger", "beguenstigter zahlungspflichtiger")]
    public void Header_cells_compare_by_their_words(string cell, string words) => Assert.Equal(words, string.Join(' ', HeaderNames.Normalize(cell)));

    [Fact]
    public void The_layout_hash_ignores_spelling_but_not_the_columns()
    {
        Assert.Equal(HeaderNames.LayoutHash(["Buchungstag", "Betrag (EUR)"]), HeaderNames.LayoutHash(["\"buchungstag\"", "BETRAG EUR"]));
        Assert.NotEqual(HeaderNames.LayoutHash(["Buchungstag", "Betrag"]), HeaderNames.LayoutHash(["Betrag", "Buchungstag"]));
    }
}
