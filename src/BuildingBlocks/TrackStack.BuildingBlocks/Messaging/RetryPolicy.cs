using TrackStack.BuildingBlocks.Configuration;

namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>Exponential backoff between delivery attempts, then the dead-letter state.</summary>
internal static class RetryPolicy
{
    public static TimeSpan Delay(int attempts, MessagingOptions options)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ms = options.RetryBaseMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(ms, options.RetryMaxSeconds * 1000.0));
    }

    /// <summary>The state after one more failed attempt.</summary>
    public static (int Attempts, MessageStatus Status, DateTime NextAttemptAt) AfterFailure(int attempts, DateTime now, MessagingOptions options)
    {
        var next = attempts + 1;
        return next >= options.MaxAttempts
            ? (next, MessageStatus.DeadLetter, now)
            : (next, MessageStatus.Pending, now + Delay(next, options));
    }

    public static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 2000 ? text[..2000] : text;
    }
}
