namespace TrackStack.Expenses.Importing;

/// <summary>Detects the format from the content (never from the file name) and parses it. The content is a
/// seekable stream (the upload as it was buffered, mostly on disk): each parser reads it as text from the start,
/// once or, for CSV, a few times, so no parser holds the whole file as one string.</summary>
internal static class StatementReader
{
    public static ParsedStatement Read(Stream content, CsvOptions csv, IReadOnlyDictionary<string, CsvOptions>? rememberedLayouts = null)
    {
        var encoding = TextDecoding.For(content, csv.Encoding);
        TextReader Open() => TextDecoding.Open(content, encoding);
        string head;
        using (var reader = Open())
        {
            var buffer = new char[4096];
            head = new string(buffer, 0, reader.ReadBlock(buffer));
        }
        var trimmed = head.TrimStart();
        ParsedStatement statement;
        using (var reader = Open())
        {
            if (trimmed.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase) || head.Contains("<OFX>", StringComparison.OrdinalIgnoreCase))
                statement = OfxParser.Parse(reader);
            else if (trimmed.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("!Account", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("!Option", StringComparison.OrdinalIgnoreCase))
                statement = QifParser.Parse(reader, csv.DateFormat);
            else if (trimmed.StartsWith('<') && head.Contains("camt.05", StringComparison.OrdinalIgnoreCase))
                statement = Camt053Parser.Parse(reader);
            else if (trimmed.StartsWith('<'))
                statement = new ParsedStatement("xml", [], [new ParseError(1, "This XML file is neither OFX nor a CAMT.053 statement.")]);
            else
                statement = CsvStatementParser.Parse(Open, csv, rememberedLayouts);
        }
        return BankText.Clean(statement);
    }
}
