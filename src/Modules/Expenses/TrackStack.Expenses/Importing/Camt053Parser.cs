using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TrackStack.Expenses.Importing;

/// <summary>ISO 20022 CAMT.053 bank-to-customer statements (any version: elements are matched by local name).</summary>
internal static class Camt053Parser
{
    public static ParsedStatement Parse(TextReader reader)
    {
        var text = reader.ReadToEnd();
        var transactions = new List<ParsedTransaction>();
        var errors = new List<ParseError>();
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return new ParsedStatement("camt.053", [], [new ParseError(ex.LineNumber, $"The XML is broken: {ex.Message}")]);
        }
        foreach (var statement in doc.Descendants().Where(e => e.Name.LocalName == "Stmt"))
        {
            var accountCurrency = Child(statement, "Acct", "Ccy")?.Value;
            foreach (var entry in statement.Elements().Where(e => e.Name.LocalName == "Ntry"))
            {
                var line = ((IXmlLineInfo)entry).LineNumber;
                var amountElement = Child(entry, "Amt");
                if (amountElement is null || !decimal.TryParse(amountElement.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                {
                    errors.Add(new ParseError(line, "The entry has no valid <Amt>."));
                    continue;
                }
                var debit = Child(entry, "CdtDbtInd")?.Value == "DBIT";
                if (debit) amount = -amount;
                var dateText = Child(entry, "BookgDt", "Dt")?.Value ?? Child(entry, "BookgDt", "DtTm")?.Value
                    ?? Child(entry, "ValDt", "Dt")?.Value ?? Child(entry, "ValDt", "DtTm")?.Value;
                if (dateText is null || dateText.Length < 10 || !DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    errors.Add(new ParseError(line, "The entry has no booking or value date."));
                    continue;
                }
                var tx = entry.Descendants().FirstOrDefault(e => e.Name.LocalName == "TxDtls");
                var party = tx is null ? null : debit
                    ? Child(tx, "RltdPties", "Cdtr", "Nm") ?? Child(tx, "RltdPties", "Cdtr", "Pty", "Nm")
                    : Child(tx, "RltdPties", "Dbtr", "Nm") ?? Child(tx, "RltdPties", "Dbtr", "Pty", "Nm");
                var memo = tx is null ? null : string.Join(" ", tx.Descendants().Where(e => e.Name.LocalName == "Ustrd").Select(e => e.Value.Trim()));
                if (string.IsNullOrWhiteSpace(memo)) memo = Child(entry, "AddtlNtryInf")?.Value;
                var id = Child(entry, "AcctSvcrRef")?.Value
                    ?? (tx is null ? null : Child(tx, "Refs", "AcctSvcrRef")?.Value ?? Child(tx, "Refs", "TxId")?.Value
                        ?? NotProvided(Child(tx, "Refs", "EndToEndId")?.Value))
                    ?? Child(entry, "NtryRef")?.Value;
                transactions.Add(new ParsedTransaction(line, date, amount, party?.Value.Trim() ?? memo, memo, id,
                    amountElement.Attribute("Ccy")?.Value ?? accountCurrency, null));
            }
        }
        if (transactions.Count == 0 && errors.Count == 0) errors.Add(new ParseError(1, "No <Ntry> entries were found in this CAMT.053 statement."));
        return new ParsedStatement("camt.053", transactions, errors);
    }

    private static string? NotProvided(string? value) => value is null || value == "NOTPROVIDED" ? null : value;

    private static XElement? Child(XElement parent, params string[] path)
    {
        var current = parent;
        foreach (var name in path)
        {
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            if (current is null) return null;
        }
        return current;
    }
}
