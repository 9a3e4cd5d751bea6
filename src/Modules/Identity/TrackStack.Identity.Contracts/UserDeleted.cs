using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Identity.Contracts;

/// <summary>An account was deleted (by its owner or an operator): its sessions, logins and tokens are gone. Other
/// modules remove or anonymise what they keep for this user. Carries no e-mail address: the account's personal data
/// does not live on in outboxes and inboxes.</summary>
[EventType("identity.user-deleted.v1")]
public sealed record UserDeleted(Guid EventId, DateTime OccurredAt, Guid UserId) : IIntegrationEvent;
