namespace TrackStack.Metrics.Domain;

/// <summary>The latest bucket against the trailing ones: their mean and population standard deviation, and how many
/// standard deviations the latest lies from the mean. A spike needs at least two trailing values and lies more than
/// k standard deviations away (either way). With a flat baseline (deviation 0) any change is a spike and no change
/// is none.</summary>
internal static class SpikeMath
{
    public const int MinTrailing = 2;

    public static SpikeResult Evaluate(double current, IReadOnlyList<double> trailing, double k)
    {
        if (trailing.Count < MinTrailing) return new SpikeResult(false, null, null, null);
        var mean = trailing.Average();
        var variance = trailing.Sum(v => (v - mean) * (v - mean)) / trailing.Count;
        var sd = Math.Sqrt(variance);
        var diff = current - mean;
        if (sd == 0) return new SpikeResult(diff != 0, mean, 0, diff == 0 ? 0 : double.PositiveInfinity * Math.Sign(diff));
        var deviations = diff / sd;
        return new SpikeResult(Math.Abs(deviations) > k, mean, sd, deviations);
    }
}

/// <summary>Deviations is signed (above the mean is positive); null values mean too few trailing buckets.</summary>
internal sealed record SpikeResult(bool IsSpike, double? Mean, double? StdDev, double? Deviations);
