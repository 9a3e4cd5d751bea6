namespace TrackStack.Metrics.Features.WriteLineProtocol;

/// <summary>Line-protocol points to metric points: each numeric or boolean field (true = 1, false = 0) is the
/// metric "measurement.field", or "measurement" for a field named "value". String fields are not stored (a
/// number store has no place for them); a line with only string fields is refused with that reason.</summary>
internal static class LineMapping
{
    public static (List<Point> Points, LineError? Error) ToPoints(LinePoint line, long unitNanoseconds, DateTime now)
    {
        DateTime time = now;
        if (line.Timestamp is { } ts)
        {
            if (LineProtocol.ToTime(ts, unitNanoseconds) is not { } t) return ([], new LineError(line.Line, $"The timestamp {ts} is outside 1970–9999 at this precision."));
            time = StoredTime.Round(t);
        }
        var points = new List<Point>(line.Fields.Count);
        foreach (var field in line.Fields)
        {
            if (field.Kind == FieldKind.String) continue;
            var metric = field.Key == "value" ? line.Measurement : $"{line.Measurement}.{field.Key}";
            if (PointRules.Check(metric, field.Number, line.Tags) is { } message) return ([], new LineError(line.Line, message));
            points.Add(new Point(metric, time, field.Number, line.Tags));
        }
        if (points.Count == 0) return ([], new LineError(line.Line, "This line has only string fields; string fields are not stored, send numbers or booleans."));
        return (points, null);
    }
}
