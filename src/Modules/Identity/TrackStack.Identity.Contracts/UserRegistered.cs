using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Identity.Contracts;

/// <summary>A new account exists (by sign-up, an operator, or a first external sign-in).</summary>
[EventType("identity.user-registered.v1")]
public sealed record UserRegistered(Guid EventId, DateTime OccurredAt, Guid UserId, string Email, string DisplayName) : IIntegrationEvent;
