using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Households.Contracts;

[EventType("households.household-created.v1")]
public sealed record HouseholdCreated(Guid EventId, DateTime OccurredAt, Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale, Guid OwnerId) : IIntegrationEvent;

[EventType("households.household-settings-changed.v1")]
public sealed record HouseholdSettingsChanged(Guid EventId, DateTime OccurredAt, Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale) : IIntegrationEvent;

/// <summary>Role is the lower-case role name (owner, admin, member, viewer).</summary>
[EventType("households.member-joined.v1")]
public sealed record MemberJoined(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, string DisplayName, string Role) : IIntegrationEvent;

[EventType("households.member-role-changed.v1")]
public sealed record MemberRoleChanged(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, string Role) : IIntegrationEvent;

[EventType("households.member-removed.v1")]
public sealed record MemberRemoved(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId) : IIntegrationEvent;
