using System.Text;

namespace TrackStack.Metrics.Domain;

internal enum FieldKind
{
    Float,
    Integer,
    Unsigned,
    Boolean,
    String,
}

internal sealed record LineField(string Key, FieldKind Kind, double Number, string? Text);

internal sealed record LinePoint(int Line, string Measurement, SortedDictionary<string, string> Tags, IReadOnlyList<LineField> Fields, long? Timestamp);

internal sealed record LineError(int Line, string Message);

/// <summary>InfluxDB line protocol, written against its grammar (influxdata/line-protocol's EBNF):
/// <c>measurement[,tag=value...] field=value[,field=value...] [timestamp]</c>, one point a line, "#" comments and
/// blank lines skipped. In measurements a backslash escapes "," and " "; in tag keys, tag values and field keys
/// also "="; "\\" is one backslash and a backslash before any other character stays as it is. String fields are
/// double-quoted with \" and \\ escapes and may span lines. Integers end in "i", unsigned integers in "u";
/// booleans are t, T, true, True, TRUE, f, F, false, False, FALSE; everything else is a float. The timestamp is an
/// integer in the request's precision.</summary>
internal static class LineProtocol
{
    public static (List<LinePoint> Points, List<LineError> Errors) Parse(string body)
    {
        var points = new List<LinePoint>();
        var errors = new List<LineError>();
        var pos = 0;
        var line = 1;
        while (pos <= body.Length)
        {
            var start = pos;
            var startLine = line;
            var end = EndOfLine(body, pos, ref line);
            var text = body.AsSpan(start, end - start);
            if (text.Length > 0 && text[^1] == '\r') text = text[..^1];
            pos = end + 1;
            var trimmed = text.TrimStart(' ');
            if (trimmed.IsEmpty || trimmed[0] == '#') { line++; continue; }
            try
            {
                points.Add(ParsePoint(trimmed, startLine));
            }
            catch (FormatException e)
            {
                errors.Add(new LineError(startLine, e.Message));
            }
            line++;
        }
        return (points, errors);
    }

    /// <summary>The index of the newline ending the line at <paramref name="pos"/> (or the body's length): a newline
    /// inside a quoted string field belongs to the string. Quotes count only after the first unescaped space (the
    /// field set), as measurement and tags may hold literal quotes.</summary>
    private static int EndOfLine(string body, int pos, ref int line)
    {
        var inFields = false;
        var quoted = false;
        var i = pos;
        while (i < body.Length && body[i] == ' ') i++;
        if (i < body.Length && body[i] == '#')
        {
            var nl = body.IndexOf('\n', i);
            return nl < 0 ? body.Length : nl;
        }
        for (; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length && body[i + 1] != '\n') { i++; continue; }
            if (c == '\n')
            {
                if (!quoted) return i;
                line++;
                continue;
            }
            if (!quoted && c == ' ') inFields = true;
            else if (inFields && c == '"') quoted = !quoted;
        }
        return body.Length;
    }

    private static LinePoint ParsePoint(ReadOnlySpan<char> s, int line)
    {
        var i = 0;
        var measurement = ReadToken(s, ref i, KeyKind.Measurement, "measurement");
        if (measurement.Length == 0) throw new FormatException("The measurement is missing.");
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (i < s.Length && s[i] == ',')
        {
            i++;
            var key = ReadToken(s, ref i, KeyKind.Key, "tag key");
            if (key.Length == 0) throw new FormatException("A tag key is empty.");
            if (i >= s.Length || s[i] != '=') throw new FormatException($"The tag '{key}' has no '=' and value.");
            i++;
            var value = ReadToken(s, ref i, KeyKind.Key, "tag value");
            if (value.Length == 0) throw new FormatException($"The tag '{key}' has an empty value.");
            if (!tags.TryAdd(key, value)) throw new FormatException($"The tag '{key}' appears twice.");
        }
        if (i >= s.Length || s[i] != ' ') throw new FormatException("A point needs a space and at least one field after the measurement and tags.");
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length) throw new FormatException("A point needs at least one field.");

        var fields = new List<LineField>();
        while (true)
        {
            var key = ReadToken(s, ref i, KeyKind.Key, "field key");
            if (key.Length == 0) throw new FormatException("A field key is empty.");
            if (i >= s.Length || s[i] != '=') throw new FormatException($"The field '{key}' has no '=' and value.");
            i++;
            fields.Add(ReadField(s, ref i, key));
            if (i < s.Length && s[i] == ',') { i++; continue; }
            break;
        }

        long? timestamp = null;
        if (i < s.Length)
        {
            if (s[i] != ' ') throw new FormatException($"Unexpected '{s[i]}' after the field '{fields[^1].Key}'.");
            while (i < s.Length && s[i] == ' ') i++;
            if (i < s.Length)
            {
                var tsStart = i;
                while (i < s.Length && s[i] != ' ') i++;
                var ts = s[tsStart..i];
                if (!IsInteger(ts) || !long.TryParse(ts, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var t))
                {
                    throw new FormatException($"The timestamp '{ts}' is not an integer.");
                }
                timestamp = t;
                while (i < s.Length && s[i] == ' ') i++;
                if (i < s.Length) throw new FormatException("Unexpected text after the timestamp.");
            }
        }
        return new LinePoint(line, measurement, tags, fields, timestamp);
    }

    private enum KeyKind
    {
        Measurement,
        Key,
    }

    /// <summary>Reads a measurement, key or tag value up to its unescaped delimiter, unescaping as the spec says.</summary>
    private static string ReadToken(ReadOnlySpan<char> s, ref int i, KeyKind kind, string what)
    {
        var sb = new StringBuilder();
        var first = true;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ' ' || c == ',' || (kind == KeyKind.Key && c == '=')) break;
            if (char.IsControl(c)) throw new FormatException($"The {what} holds a control character.");
            if (kind == KeyKind.Measurement && first && c == '#') throw new FormatException("A measurement cannot start with '#'.");
            first = false;
            if (c == '\\')
            {
                if (i + 1 >= s.Length) throw new FormatException($"The {what} ends in a lone backslash.");
                var next = s[i + 1];
                if (next == ',' || next == ' ' || next == '\\' || (kind == KeyKind.Key && next == '='))
                {
                    sb.Append(next);
                    i++;
                    continue;
                }
                if (char.IsControl(next)) throw new FormatException($"The {what} escapes a control character.");
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static LineField ReadField(ReadOnlySpan<char> s, ref int i, string key)
    {
        if (i < s.Length && s[i] == '"')
        {
            var sb = new StringBuilder();
            i++;
            for (; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '"') { i++; return new LineField(key, FieldKind.String, 0, sb.ToString()); }
                if (c == '\\' && i + 1 < s.Length && (s[i + 1] == '"' || s[i + 1] == '\\'))
                {
                    sb.Append(s[i + 1]);
                    i++;
                    continue;
                }
                sb.Append(c);
            }
            throw new FormatException($"The string of field '{key}' has no closing quote.");
        }
        var start = i;
        while (i < s.Length && s[i] != ',' && s[i] != ' ') i++;
        var v = s[start..i];
        if (v.IsEmpty) throw new FormatException($"The field '{key}' has no value.");
        switch (v)
        {
            case "t" or "T" or "true" or "True" or "TRUE": return new LineField(key, FieldKind.Boolean, 1, null);
            case "f" or "F" or "false" or "False" or "FALSE": return new LineField(key, FieldKind.Boolean, 0, null);
        }
        if (v[^1] == 'i' && IsInteger(v[..^1]))
        {
            if (!long.TryParse(v[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) throw new FormatException($"The integer of field '{key}' is out of range.");
            return new LineField(key, FieldKind.Integer, n, null);
        }
        if (v[^1] == 'u' && IsDigits(v[..^1]))
        {
            if (!ulong.TryParse(v[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) throw new FormatException($"The unsigned integer of field '{key}' is out of range.");
            return new LineField(key, FieldKind.Unsigned, n, null);
        }
        if (IsFloat(v) && double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            return new LineField(key, FieldKind.Float, d, null);
        }
        throw new FormatException($"The value '{v}' of field '{key}' is not a number, integer (i), unsigned (u), boolean or quoted string.");
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && s.IndexOfAnyExceptInRange('0', '9') < 0;

    private static bool IsInteger(ReadOnlySpan<char> s) => IsDigits(s.Length > 0 && s[0] == '-' ? s[1..] : s);

    /// <summary>The grammar's floatfield: [-] (digits [. [digits]] [exp] | . digits [exp]).</summary>
    private static bool IsFloat(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-') i++;
        var intDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; intDigits++; }
        var fracDigits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; fracDigits++; }
        }
        if (intDigits == 0 && fracDigits == 0) return false;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
            var expDigits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == s.Length;
    }

    /// <summary>Nanoseconds per unit of a precision ("ns", "us", "ms", "s"; 1.x also says "n", "u"; null means ns).</summary>
    public static long? UnitNanoseconds(string? precision) => precision switch
    {
        null or "" or "ns" or "n" => 1,
        "us" or "u" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        _ => null,
    };

    /// <summary>The UTC time of a timestamp, or null outside what can be stored.</summary>
    public static DateTime? ToTime(long timestamp, long unitNanoseconds)
    {
        var ticks = (Int128)timestamp * unitNanoseconds / 100 + DateTime.UnixEpoch.Ticks;
        if (ticks < DateTime.UnixEpoch.Ticks || ticks > DateTime.MaxValue.Ticks) return null;
        return new DateTime((long)ticks, DateTimeKind.Utc);
    }
}
