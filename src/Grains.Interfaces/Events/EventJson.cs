using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CrisisGrid.Grains.Events;

/// <summary>
/// How events are written to and read from storage: JSON with a "$type" discriminator taken from each event's
/// <see cref="EventTypeAttribute"/>. Event types are discovered once from this assembly, so adding an event is
/// adding a record with the attribute.
/// </summary>
public static class EventJson
{
    private static readonly Lazy<IReadOnlyDictionary<string, Type>> TypesByName = new(DiscoverEventTypes);
    private static readonly ConcurrentDictionary<Type, string> NamesByType = new();

    /// <summary>Options shared by storage, the gateway and tests: camelCase, enums as strings, polymorphic events.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IReadOnlyCollection<string> KnownTypeNames => TypesByName.Value.Keys.ToList();

    public static string TypeName(DomainEvent domainEvent) => TypeName(domainEvent.GetType());

    public static string TypeName(Type eventType) => NamesByType.GetOrAdd(eventType, static t =>
        t.GetCustomAttribute<EventTypeAttribute>()?.Name
        ?? throw new InvalidOperationException($"{t.Name} has no [EventType] attribute: every persisted event needs a stable name."));

    /// <summary>The event's own fields as JSON (no discriminator; the type name is stored beside it).</summary>
    public static string SerializePayload(DomainEvent domainEvent) =>
        JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Options);

    public static DomainEvent DeserializePayload(string typeName, string payload)
    {
        if (!TypesByName.Value.TryGetValue(typeName, out var type))
        {
            throw new JsonException($"Unknown event type '{typeName}' in the log. Known types: {string.Join(", ", TypesByName.Value.Keys.Order())}.");
        }

        return (DomainEvent)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new JsonException($"Event payload of type '{typeName}' is null."));
    }

    private static Dictionary<string, Type> DiscoverEventTypes()
    {
        var types = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(DomainEvent).Assembly.GetTypes())
        {
            if (type.IsAbstract || !typeof(DomainEvent).IsAssignableFrom(type))
            {
                continue;
            }

            var name = TypeName(type);
            if (!types.TryAdd(name, type))
            {
                throw new InvalidOperationException($"Event type name '{name}' is used by both {types[name].Name} and {type.Name}.");
            }
        }

        return types;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddEventPolymorphism } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly();
        return options;
    }

    // Declares every [EventType] record as a derived type of DomainEvent, so a DomainEvent-typed property
    // (RecordedEvent.Event) round-trips with a "$type" discriminator.
    private static void AddEventPolymorphism(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(DomainEvent))
        {
            return;
        }

        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$type",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (name, type) in TypesByName.Value.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            typeInfo.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
        }
    }
}
