using System.Text;
using TrackStack.Expenses.Importing;

namespace TrackStack.UnitTests.Expenses;

public sealed class StatementParserTests
{
    private static ParsedStatement Read(byte[] bytes, CsvOptions? options = null) => StatementReader.Read(new MemoryStream(bytes), options ?? new CsvOptions());

    private static ParsedStatement Read(string text, CsvOptions? options = null) => Read(Encoding.UTF8.GetBytes(text), options);

    [Fact]
    public void Ofx_sgml_with_unclosed_value_tags()
    {
        var s = Read(Fixtures.Bytes("bank/ofxparse_checking.ofx"));
        Assert.Equal("ofx-sgml", s.Format);
        Assert.Empty(s.Errors);
        Assert.Equal(3, s.Transactions.Count);
        var first = s.Transactions[0];
        Assert.Equal(new DateOnly(2011, 3, 31), first.Date);
        Assert.Equal(0.01m, first.Amount);
        Assert.Equal("0000486", first.BankId);
        Assert.Equal("USD", first.Currency);
        var bill = s.Transactions[1];
        Assert.Equal(-34.51m, bill.Amount);
        Assert.Equal("AUTOMATIC WITHDRAWAL, ELECTRIC BILL", bill.Payee);
    }

    [Fact]
    public void Ofx_on_a_single_line_with_time_zone_suffixes_and_entities()
    {
        var s = Read(Fixtures.Bytes("bank/ofxparse_bank_medium.ofx"));
        Assert.Empty(s.Errors);
        Assert.Equal(3, s.Transactions.Count);
        Assert.All(s.Transactions, t => Assert.Equal("CAD", t.Currency));
        Assert.Equal(new DateOnly(2009, 4, 1), s.Transactions[0].Date);
        Assert.Equal(-6.60m, s.Transactions[0].Amount);
        Assert.Equal("MCDONALD'S #112", s.Transactions[0].Payee);
        Assert.Equal(-316.67m, s.Transactions[1].Amount);
    }

    [Fact]
    public void Ofx_2_xml()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
            <OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF>
            <BANKTRANLIST><DTSTART>20261101</DTSTART><DTEND>20261130</DTEND>
            <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261103120000.000[+1:CET]</DTPOSTED><TRNAMT>-42.10</TRNAMT><FITID>A-1</FITID><NAME>Colruyt &amp; Co</NAME><MEMO>groceries</MEMO></STMTTRN>
            <STMTTRN><TRNTYPE>DEBIT</TRNTYPE><DTPOSTED>20261104</DTPOSTED><TRNAMT>-9.99</TRNAMT><FITID>A-2</FITID><PAYEE><NAME>Streaming Ltd</NAME><ADDR1>x</ADDR1></PAYEE></STMTTRN>
            </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>
            """;
        var s = Read(xml);
        Assert.Equal("ofx-xml", s.Format);
        Assert.Empty(s.Errors);
        Assert.Equal(["Colruyt & Co", "Streaming Ltd"], s.Transactions.Select(t => t.Payee));
        Assert.Equal([-42.10m, -9.99m], s.Transactions.Select(t => t.Amount));
        Assert.All(s.Transactions, t => Assert.Equal("EUR", t.Currency));
    }

    [Fact]
    public void Ofx_rows_with_missing_fields_are_errors_with_line_numbers()
    {
        var s = Read("OFXHEADER:100\n<OFX><BANKTRANLIST>\n<STMTTRN><DTPOSTED>2026<TRNAMT>-1.00\n<STMTTRN><DTPOSTED>20261101<TRNAMT>abc\n<STMTTRN><DTPOSTED>20261101<TRNAMT>-5.00<NAME>ok\n</BANKTRANLIST></OFX>");
        Assert.Single(s.Transactions);
        Assert.Equal([3, 4], s.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Qif_bank_export_with_account_header_and_two_digit_years()
    {
        var s = Read(Fixtures.Bytes("bank/postbank_demokonto_PB_KAZ_KtoNr_9999999999_06-04-2017_1200-expected.qif"));
        Assert.Equal("qif", s.Format);
        Assert.Empty(s.Errors);
        Assert.Equal(11, s.Transactions.Count); // 12 records, the first is the !Account header
        var power = s.Transactions[1];
        Assert.Equal(new DateOnly(2020, 1, 19), power.Date);
        Assert.Equal(-580.06m, power.Amount);
        Assert.Equal("Betriebskosten", power.CategoryName);
        Assert.Contains("STADTWERKE", power.Memo);
        Assert.Contains(s.Transactions, t => t.Memo!.Contains("KÖLN", StringComparison.Ordinal));
    }

    [Fact]
    public void Camt053_debits_and_credits_with_parties_and_references()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt><GrpHdr><MsgId>1</MsgId><CreDtTm>2026-11-30T10:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S1</Id><Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>
                  <Ntry><Amt Ccy="EUR">65.40</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                    <BookgDt><Dt>2026-11-05</Dt></BookgDt><ValDt><Dt>2026-11-06</Dt></ValDt><AcctSvcrRef>REF-001</AcctSvcrRef>
                    <NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                      <RltdPties><Cdtr><Nm>Engie Electrabel</Nm></Cdtr></RltdPties>
                      <RmtInf><Ustrd>Invoice 2026-11</Ustrd><Ustrd>contract 42</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                  <Ntry><Amt Ccy="EUR">2215.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                    <BookgDt><DtTm>2026-11-25T08:00:00</DtTm></BookgDt>
                    <NtryDtls><TxDtls><Refs><EndToEndId>SAL-11</EndToEndId></Refs><RltdPties><Dbtr><Nm>Employer SA</Nm></Dbtr></RltdPties></TxDtls></NtryDtls>
                    <AddtlNtryInf>Salary</AddtlNtryInf></Ntry>
                </Stmt></BkToCstmrStmt></Document>
            """;
        var s = Read(xml);
        Assert.Equal("camt.053", s.Format);
        Assert.Empty(s.Errors);
        var bill = s.Transactions[0];
        Assert.Equal((new DateOnly(2026, 11, 5), -65.40m, "Engie Electrabel", "REF-001", "EUR"), (bill.Date, bill.Amount, bill.Payee, bill.BankId, bill.Currency));
        Assert.Equal("Invoice 2026-11 contract 42", bill.Memo);
        var salary = s.Transactions[1];
        Assert.Equal((2215.00m, "Employer SA", "SAL-11"), (salary.Amount, salary.Payee, salary.BankId));
    }

    [Fact]
    public void Csv_latin1_semicolons_decimal_commas_and_a_preamble()
    {
        var text = "Kontoumsätze;;;\nKonto;DE12 3456;;\nZeitraum;01.11.2026 - 30.11.2026;;\n\nBuchungstag;Empfänger;Verwendungszweck;Betrag\n03.11.2026;Bäckerei Müller;Brötchen;-4,50\n04.11.2026;Stadtwerke;Strom November;-1.234,56\n05.11.2026;Arbeitgeber;Gehalt;2.215,00\n";
        var s = Read(Encoding.Latin1.GetBytes(text));
        Assert.Equal("csv", s.Format);
        Assert.Empty(s.Errors);
        Assert.Equal(3, s.Transactions.Count);
        Assert.Equal(("Bäckerei Müller", -4.50m, new DateOnly(2026, 11, 3)), (s.Transactions[0].Payee, s.Transactions[0].Amount, s.Transactions[0].Date));
        Assert.Equal(-1234.56m, s.Transactions[1].Amount);
        Assert.Equal(2215m, s.Transactions[2].Amount);
        Assert.Equal(6, s.Transactions[0].Line);
    }

    [Fact]
    public void Csv_with_separate_out_and_in_columns_named_by_the_user()
    {
        var text = "when,who,paid out,paid in,ref\n11/03/2026,Grocer,12.30,,T1\n11/04/2026,Refund,,5.00,T2\n11/13/2026,Bad,abc,,T3\n";
        var s = Read(text, new CsvOptions { DateColumn = "when", PayeeColumn = "who", DebitColumn = "paid out", CreditColumn = "paid in", IdColumn = "ref" });
        Assert.Equal([-12.30m, 5.00m], s.Transactions.Select(t => t.Amount));
        Assert.Equal(new DateOnly(2026, 11, 3), s.Transactions[0].Date); // 11/13 in the file proves month-first
        Assert.Equal("T1", s.Transactions[0].BankId);
        Assert.Contains("Neither", Assert.Single(s.Errors).Message);
    }

    [Fact]
    public void Csv_with_positive_expenses_and_an_explicit_date_format()
    {
        var s = Read("Date|Description|Amount\n2026/11/07|Pharmacy|19.90\n", new CsvOptions { ExpensesArePositive = true, DateFormat = "yyyy/MM/dd", MemoColumn = "Description", PayeeColumn = "Description" });
        Assert.Equal(-19.90m, Assert.Single(s.Transactions).Amount);
    }

    [Fact]
    public void Csv_without_recognisable_columns_says_what_to_set()
    {
        var s = Read("a,b,c\n1,2,3\n");
        Assert.Empty(s.Transactions);
        Assert.Contains(s.Errors, e => e.Message.Contains("date column", StringComparison.Ordinal));
        Assert.Contains(s.Errors, e => e.Message.Contains("amount column", StringComparison.Ordinal));
        Assert.DoesNotContain(s.Errors, e => e.Message.Contains("Column", StringComparison.Ordinal)); // no API field names in what the user reads
    }

    [Theory]
    [InlineData("1.234,56", null, 1234.56)]
    [InlineData("1,234.56", null, 1234.56)]
    [InlineData("-12,00 €", null, -12.00)]
    [InlineData("(12.34)", null, -12.34)]
    [InlineData("12.34-", null, -12.34)]
    [InlineData("1'234.50", null, 1234.50)]
    [InlineData("1,234", '.', 1234)]
    [InlineData("1,5", null, 1.5)]
    [InlineData("+7", null, 7)]
    public void Bank_amounts_in_many_styles(string raw, char? separator, decimal expected)
    {
        Assert.True(Numbers.TryParseAmount(raw, separator, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    public void Unreadable_amounts_are_refused(string raw) => Assert.False(Numbers.TryParseAmount(raw, null, out _));

    [Fact]
    public void Unknown_xml_is_reported_not_guessed()
    {
        var s = Read("<?xml version=\"1.0\"?><root/>");
        Assert.Contains("neither OFX nor", Assert.Single(s.Errors).Message);
    }
}
