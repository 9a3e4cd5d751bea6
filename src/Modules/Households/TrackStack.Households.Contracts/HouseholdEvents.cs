namespace TrackStack.Households.Contracts;

/// <summary>Version is the household's own counter (1 when created, +1 per settings change): consumers apply an
/// event only when it is newer than what they hold, so two changes in the same millisecond keep their order.
/// Events stored before versions existed carry 0.</summary>
[EventType("households.household-created.v1")]
public sealed record HouseholdCreated(Guid EventId, DateTime OccurredAt, Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale, Guid OwnerId, long Version = 0)
    : IHouseholdEvent;

[EventType("households.household-settings-changed.v1")]
public sealed record HouseholdSettingsChanged(Guid EventId, DateTime OccurredAt, Guid HouseholdId, string Name, string TimeZone, string Currency, string Locale, long Version = 0)
    : IHouseholdEvent;

/// <summary>Role is the lower-case role name (owner, admin, member, viewer).</summary>
[EventType("households.member-joined.v1")]
public sealed record MemberJoined(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, string DisplayName, string Role) : IHouseholdEvent;

[EventType("households.member-role-changed.v1")]
public sealed record MemberRoleChanged(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId, string Role) : IHouseholdEvent;

[EventType("households.member-removed.v1")]
public sealed record MemberRemoved(Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid UserId) : IHouseholdEvent;

/// <summary>A household is gone (its last member's account was deleted): every module deletes its data.</summary>
[EventType("households.household-deleted.v1")]
public sealed record HouseholdDeleted(Guid EventId, DateTime OccurredAt, Guid HouseholdId) : IHouseholdDeletion;
