namespace TrackStack.Metrics.Domain;

internal enum QueryBucket
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
}

internal enum Aggregation
{
    Sum,
    Avg,
    Count,
    Min,
    Max,
    Last,
}
