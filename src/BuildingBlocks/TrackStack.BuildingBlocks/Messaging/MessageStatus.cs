namespace TrackStack.BuildingBlocks.Messaging;

public enum MessageStatus
{
    Pending = 0,
    Done = 1,
    DeadLetter = 2,
}
