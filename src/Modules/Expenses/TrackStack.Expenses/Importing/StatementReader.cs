namespace TrackStack.Expenses.Importing;

/// <summary>Detects the format from the content (never from the file name) and parses it.</summary>
internal static class StatementReader
{
    public static ParsedStatement Read(byte[] content, CsvOptions csv)
    {
        var text = TextDecoding.Decode(content, csv.Encoding);
        var head = text.Length > 4096 ? text[..4096] : text;
        var trimmed = head.TrimStart();
        if (trimmed.StartsWith("OFXHEADER", StringComparison.OrdinalIgnoreCase) || head.Contains("<OFX>", StringComparison.OrdinalIgnoreCase))
            return OfxParser.Parse(text);
        if (trimmed.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("!Account", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("!Option", StringComparison.OrdinalIgnoreCase))
            return QifParser.Parse(text, csv.DateFormat);
        if (trimmed.StartsWith('<') && head.Contains("camt.05", StringComparison.OrdinalIgnoreCase))
            return Camt053Parser.Parse(text);
        if (trimmed.StartsWith('<'))
            return new ParsedStatement("xml", [], [new ParseError(1, "This XML file is neither OFX nor a CAMT.053 statement.")]);
        return CsvStatementParser.Parse(text, csv);
    }
}
