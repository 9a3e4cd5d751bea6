namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>An event written in the same transaction as the change that raised it, waiting for the relay.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public MessageStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Until when a relay holds the row (its claim); another relay may take it after that.</summary>
    public DateTime? LockedUntil { get; set; }

    /// <summary>The claim that holds the row (one id per claimed batch).</summary>
    public Guid? LockedBy { get; set; }

    /// <summary>W3C traceparent of the activity that raised the event, so its delivery and handling join that trace.</summary>
    public string? TraceParent { get; set; }
}
