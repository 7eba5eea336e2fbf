namespace CrisisGrid.Grains.Events;

/// <summary>
/// Base of every fact recorded in an exercise's log. Concrete events are immutable records that carry an
/// <see cref="EventTypeAttribute"/>: its name is what the log stores, so renaming a C# type never breaks a log.
/// </summary>
[GenerateSerializer, Alias("Events.DomainEvent")]
public abstract record DomainEvent;

/// <summary>The stable, versioned name under which an event type is persisted, e.g. "nation.indices-changed".</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
