namespace TrackStack.Reports.Domain;

/// <summary>When a failed send is tried again: 1, 5, 30 minutes, 2 and 6 hours, then the run is failed.</summary>
internal static class DeliveryRetry
{
    private static readonly TimeSpan[] Delays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];

    public static int MaxAttempts => Delays.Length + 1;

    /// <summary>The next attempt after the <paramref name="attempts"/>th failed one, or null when none is left.</summary>
    public static TimeSpan? After(int attempts) => attempts >= 1 && attempts <= Delays.Length ? Delays[attempts - 1] : null;
}
