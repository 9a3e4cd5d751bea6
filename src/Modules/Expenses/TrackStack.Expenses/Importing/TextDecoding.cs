using System.Buffers;
using System.Text;

namespace TrackStack.Expenses.Importing;

/// <summary>How uploaded bytes become text: the named encoding, else UTF-8 when the whole file is valid UTF-8,
/// else Windows-1252 (a superset of Latin-1 that older bank exports use). The file is read as a stream, never
/// decoded into one string.</summary>
internal static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding to read <paramref name="content"/> with; leaves the stream at its start.</summary>
    public static Encoding For(Stream content, string? name)
    {
        if (!string.IsNullOrWhiteSpace(name)) return Named(name);
        var valid = IsUtf8(content);
        content.Position = 0;
        return valid ? new UTF8Encoding(false) : Encoding.GetEncoding("windows-1252");
    }

    /// <summary>A reader from the start of the content. A byte order mark wins over the encoding and is skipped.</summary>
    public static StreamReader Open(Stream content, Encoding encoding)
    {
        content.Position = 0;
        return new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    }

    /// <summary>False for names the runtime does not know, and for UTF-7, which .NET refuses to decode (a 500 before).</summary>
    public static bool IsKnown(string name)
    {
        try
        {
            _ = Named(name);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }

    private static Encoding Named(string name) => Encoding.GetEncoding(name.Trim().ToLowerInvariant() switch
    {
        "latin1" or "latin-1" => "iso-8859-1",
        "utf8" => "utf-8",
        "ansi" or "cp1252" => "windows-1252",
        var other => other,
    });

    private static bool IsUtf8(Stream content)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            content.Position = 0;
            int read;
            while ((read = content.Read(buffer, 0, buffer.Length)) > 0) decoder.GetCharCount(buffer, 0, read, flush: false);
            decoder.GetCharCount([], 0, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
