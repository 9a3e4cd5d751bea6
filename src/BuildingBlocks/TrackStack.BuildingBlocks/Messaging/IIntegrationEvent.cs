namespace TrackStack.BuildingBlocks.Messaging;

/// <summary>A small, versioned fact one module tells others. Carries ids, not aggregates.</summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTime OccurredAt { get; }
}

/// <summary>An event about one household's data. Its handlers run in that household's scope (the messaging
/// worker enters it), so their queries see that household only, as an endpoint's do.</summary>
public interface IHouseholdEvent : IIntegrationEvent
{
    Guid HouseholdId { get; }
}

/// <summary>The event that deletes a household: once a module has handled it, it drops every later event about
/// that household (a late or replayed one would bring the household's rows back).</summary>
public interface IHouseholdDeletion : IHouseholdEvent;

/// <summary>The stable wire name of an event, e.g. "identity.user-registered.v1". Renaming the CLR type
/// never changes it; a breaking change to the shape gets a new name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    public static string NameOf(Type type) =>
        (type.GetCustomAttributes(typeof(EventTypeAttribute), false).FirstOrDefault() as EventTypeAttribute)?.Name
        ?? throw new InvalidOperationException($"{type.FullName} needs an [EventType(\"module.event-name.v1\")] attribute.");
}
