using System.Text;

namespace TrackStack.Expenses.Importing;

/// <summary>Turns uploaded bytes into text: the named encoding, else UTF-8 when valid, else Windows-1252
/// (a superset of Latin-1 that older bank exports use).</summary>
internal static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(byte[] bytes, string? encodingName)
    {
        if (!string.IsNullOrWhiteSpace(encodingName))
        {
            var name = encodingName.Trim().ToLowerInvariant() switch
            {
                "latin1" or "latin-1" => "iso-8859-1",
                "utf8" => "utf-8",
                "ansi" or "cp1252" => "windows-1252",
                var other => other,
            };
            return Strip(Encoding.GetEncoding(name).GetString(bytes));
        }
        try
        {
            return Strip(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return Strip(Encoding.GetEncoding("windows-1252").GetString(bytes));
        }
    }

    public static bool IsKnown(string name)
    {
        try
        {
            _ = Decode([], name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Strip(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
