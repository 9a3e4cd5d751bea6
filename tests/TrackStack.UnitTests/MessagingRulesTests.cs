using TrackStack.BuildingBlocks.Configuration;
using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.UnitTests;

public sealed class MessagingRulesTests
{
    private static readonly MessagingOptions Options = new() { MaxAttempts = 5, RetryBaseMilliseconds = 1000, RetryMaxSeconds = 5 };
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Backoff_doubles_and_is_capped()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RetryPolicy.Delay(1, Options));
        Assert.Equal(TimeSpan.FromSeconds(2), RetryPolicy.Delay(2, Options));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryPolicy.Delay(3, Options));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.Delay(4, Options));
        Assert.Equal(TimeSpan.FromSeconds(5), RetryPolicy.Delay(40, Options));
    }

    [Fact]
    public void The_last_allowed_failure_dead_letters_the_message()
    {
        var (attempts, status, next) = RetryPolicy.AfterFailure(0, Now, Options);
        Assert.Equal((1, MessageStatus.Pending, Now.AddSeconds(1)), (attempts, status, next));
        (attempts, status, _) = RetryPolicy.AfterFailure(4, Now, Options);
        Assert.Equal((5, MessageStatus.DeadLetter), (attempts, status));
    }

    [Fact]
    public void Every_event_declares_a_versioned_wire_name()
    {
        var events = typeof(TrackStack.Identity.Contracts.UserRegistered).Assembly.GetTypes()
            .Concat(typeof(TrackStack.Households.Contracts.MemberJoined).Assembly.GetTypes())
            .Where(t => typeof(IIntegrationEvent).IsAssignableFrom(t) && !t.IsInterface);
        foreach (var e in events)
        {
            Assert.Matches(@"^[a-z]+\.[a-z-]+\.v\d+$", EventTypeAttribute.NameOf(e));
        }
    }
}
