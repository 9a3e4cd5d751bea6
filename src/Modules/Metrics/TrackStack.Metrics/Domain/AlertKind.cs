namespace TrackStack.Metrics.Domain;

/// <summary>What an alert rule watches for. Stored by name.</summary>
internal enum AlertKind
{
    /// <summary>The aggregate over the last window is above the threshold.</summary>
    Above,
    /// <summary>The aggregate over the last window is below the threshold.</summary>
    Below,
    /// <summary>No point of the metric arrived in the last window.</summary>
    NoData,
    /// <summary>The aggregate of the latest bucket lies more than k standard deviations from the mean of the
    /// trailing buckets before it.</summary>
    Spike,
}

/// <summary>Whether a rule is firing (an open episode) or not. Stored by name.</summary>
internal enum AlertState
{
    Ok,
    Firing,
}
