using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TrackStack.Expenses.Importing;

/// <summary>ISO 20022 CAMT.053 bank-to-customer statements (any version: elements are matched by local name).
/// The file is streamed: only one entry (&lt;Ntry&gt;) at a time is held as a small element tree.</summary>
internal static class Camt053Parser
{
    /// <summary>A real statement nests about 12 levels deep; 64 is generous. Deeper input is refused at once
    /// (a 50,000-deep file took 3 s of CPU, and more the deeper it went).</summary>
    public const int MaxDepth = 64;

    /// <summary>About 40 elements per entry: a million allows some 25,000 entries, more than 10 MB can hold.</summary>
    public const int MaxElements = 1_000_000;

    /// <summary>Elements kept of one entry. Only its first &lt;TxDtls&gt; is read, so a batch booking of many
    /// transactions keeps about 100; the cap bounds the memory of one entry's tree.</summary>
    public const int MaxEntryElements = 5_000;

    /// <summary>No DTD (so no entity expansion), nothing fetched from outside, no comments or processing
    /// instructions. XmlReaderSettings has no depth or element limit: <see cref="Walker"/> counts both.</summary>
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static ParsedStatement Parse(TextReader text)
    {
        var transactions = new List<ParsedTransaction>();
        var errors = new List<ParseError>();
        using var reader = XmlReader.Create(text, Settings);
        var walker = new Walker(reader);
        try
        {
            var open = new Stack<string>();
            string? accountCurrency = null;
            while (walker.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    if (open.TryPop(out var closed) && closed == "Stmt") accountCurrency = null;
                    continue;
                }
                if (reader.NodeType != XmlNodeType.Element) continue;
                var inStatement = open.TryPeek(out var parent) && parent == "Stmt";
                if (inStatement && reader.LocalName == "Acct")
                {
                    accountCurrency = Child(walker.ReadElement(), "Ccy")?.Value;
                }
                else if (inStatement && reader.LocalName == "Ntry")
                {
                    var line = ((IXmlLineInfo)reader).LineNumber;
                    var entry = walker.ReadElement();
                    if (walker.Refusal is null) Read(entry, line, accountCurrency, transactions, errors);
                }
                else if (!reader.IsEmptyElement)
                {
                    open.Push(reader.LocalName);
                }
            }
        }
        catch (XmlException ex)
        {
            return new ParsedStatement("camt.053", [], [new ParseError(ex.LineNumber, $"The XML is broken: {ex.Message}")]);
        }
        if (walker.Refusal is { } refusal) return new ParsedStatement("camt.053", [], [new ParseError(((IXmlLineInfo)reader).LineNumber, refusal)]);
        if (transactions.Count == 0 && errors.Count == 0) errors.Add(new ParseError(1, "No <Ntry> entries were found in this CAMT.053 statement."));
        return new ParsedStatement("camt.053", transactions, errors);
    }

    private static void Read(XElement entry, int line, string? accountCurrency, List<ParsedTransaction> transactions, List<ParseError> errors)
    {
        var amountElement = Child(entry, "Amt");
        if (amountElement is null || !decimal.TryParse(amountElement.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            errors.Add(new ParseError(line, "The entry has no valid <Amt>."));
            return;
        }
        var debit = Child(entry, "CdtDbtInd")?.Value == "DBIT";
        if (debit) amount = -amount;
        var dateText = Child(entry, "BookgDt", "Dt")?.Value ?? Child(entry, "BookgDt", "DtTm")?.Value
            ?? Child(entry, "ValDt", "Dt")?.Value ?? Child(entry, "ValDt", "DtTm")?.Value;
        if (dateText is null || dateText.Length < 10 || !DateOnly.TryParseExact(dateText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new ParseError(line, "The entry has no booking or value date."));
            return;
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

    /// <summary>Every read of the document goes through here, so depth and element count are checked on every
    /// element, inside entries too. A refusal ends the reading as if the document ended.</summary>
    private sealed class Walker(XmlReader reader)
    {
        private int _elements;

        public string? Refusal { get; private set; }

        public bool Read()
        {
            if (Refusal is not null || !reader.Read()) return false;
            if (reader.NodeType != XmlNodeType.Element) return true;
            if (reader.Depth >= MaxDepth) Refusal = $"The XML nests more than {MaxDepth} levels deep; a bank statement never does.";
            else if (++_elements > MaxElements) Refusal = $"The XML has more than {MaxElements:N0} elements; split the statement.";
            return Refusal is null;
        }

        /// <summary>The element the reader is on, with its attributes, children and text (names without namespace),
        /// leaving the reader on its end. A second &lt;TxDtls&gt; and what it holds are read but not kept.</summary>
        public XElement ReadElement()
        {
            var root = Start();
            if (reader.IsEmptyElement) return root;
            var open = new Stack<XElement>();
            open.Push(root);
            var kept = 1;
            var skipping = 0;
            var sawTransaction = false;
            while (Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when skipping > 0 || (sawTransaction && reader.LocalName == "TxDtls"):
                        if (!reader.IsEmptyElement) skipping++;
                        break;
                    case XmlNodeType.Element:
                        if (++kept > MaxEntryElements)
                        {
                            Refusal = $"An entry of the statement has more than {MaxEntryElements:N0} elements; a bank statement never does.";
                            return root;
                        }
                        sawTransaction |= reader.LocalName == "TxDtls";
                        var child = Start();
                        open.Peek().Add(child);
                        if (!reader.IsEmptyElement) open.Push(child);
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when skipping == 0:
                        open.Peek().Add(reader.Value);
                        break;
                    case XmlNodeType.EndElement when skipping > 0:
                        skipping--;
                        break;
                    case XmlNodeType.EndElement:
                        open.Pop();
                        if (open.Count == 0) return root;
                        break;
                }
            }
            return root;
        }

        private XElement Start()
        {
            var element = new XElement(reader.LocalName);
            if (reader.MoveToFirstAttribute())
            {
                do
                {
                    if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/") element.SetAttributeValue(reader.LocalName, reader.Value);
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }
            return element;
        }
    }
}
