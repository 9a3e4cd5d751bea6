using TrackStack.BuildingBlocks.Messaging;

namespace TrackStack.Metrics.Contracts;

/// <summary>An alert rule's condition became true (it was not before). Metrics evaluates the rules and calls their
/// webhooks itself; the Reports module consumes this event and e-mails <paramref name="NotifyUserIds"/> (household
/// members). <paramref name="Summary"/> is the condition and the value in words ("Daily spend is 182.40, above 150
/// over the last 1 day"); <paramref name="Value"/> is null for a "no data" rule. FiringId is the same in the fired
/// and the resolved event of one episode, so a consumer can thread them and ignore a replay. Version is the rule's
/// own firing counter.</summary>
[EventType("metrics.alert-fired.v1")]
public sealed record AlertFired(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid RuleId, Guid FiringId, string RuleName, string Metric,
    string Summary, double? Value, IReadOnlyList<Guid> NotifyUserIds, long Version) : IHouseholdEvent;

/// <summary>The condition of a firing alert has been false long enough to resolve it (hysteresis: see the rule).</summary>
[EventType("metrics.alert-resolved.v1")]
public sealed record AlertResolved(
    Guid EventId, DateTime OccurredAt, Guid HouseholdId, Guid RuleId, Guid FiringId, string RuleName, string Metric,
    string Summary, double? Value, IReadOnlyList<Guid> NotifyUserIds, long Version) : IHouseholdEvent;
