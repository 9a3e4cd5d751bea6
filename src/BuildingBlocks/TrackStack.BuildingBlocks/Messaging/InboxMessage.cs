namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>An event received for one handler of this module. The (event id, handler) key makes a redelivery
/// a no-op; the row is marked done in the same transaction as the handler's effect.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }
    public string Handler { get; set; } = "";
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Until when a worker holds the row (its claim); another worker may take it after that.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim that holds the row.</summary>
    public Guid? LockedBy { get; set; }

    /// <summary>W3C traceparent of the activity that raised the event, so its delivery and handling join that trace.</summary>
    public string? TraceParent { get; set; }
}
