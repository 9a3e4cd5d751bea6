namespace TrackStack.BuildingBlocks.Messaging;

public enum MessageStatus
{
    Pending = 0,
    Done = 1,
    DeadLetter = 2,

    /// <summary>Outbox only: handed to this process's subscribers, but this process runs a subset of the modules
    /// on the in-process transport, which cannot reach the others. Kept until a transport that reaches every
    /// service is configured, then delivered (the inboxes drop the copies already handled).</summary>
    Held = 3,
}
