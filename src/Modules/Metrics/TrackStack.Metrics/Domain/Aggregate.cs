namespace TrackStack.Metrics.Domain;

/// <summary>Count, sum, min, max and last of some values: what a rollup holds, merged across rollups.</summary>
internal sealed class Aggregate
{
    public long Count { get; private set; }
    public double Sum { get; private set; }
    public double Min { get; private set; } = double.PositiveInfinity;
    public double Max { get; private set; } = double.NegativeInfinity;
    public DateTime LastAt { get; private set; } = DateTime.MinValue;
    public double Last { get; private set; }

    public void Add(long count, double sum, double min, double max, DateTime lastAt, double last)
    {
        Count += count;
        Sum += sum;
        Min = Math.Min(Min, min);
        Max = Math.Max(Max, max);
        if (lastAt >= LastAt)
        {
            LastAt = lastAt;
            Last = last;
        }
    }

    public void Add(DateTime time, double value) => Add(1, value, value, value, time, value);

    public double Value(Aggregation agg) => agg switch
    {
        Aggregation.Sum => Sum,
        Aggregation.Avg => Count == 0 ? 0 : Sum / Count,
        Aggregation.Count => Count,
        Aggregation.Min => Min,
        Aggregation.Max => Max,
        _ => Last,
    };
}
