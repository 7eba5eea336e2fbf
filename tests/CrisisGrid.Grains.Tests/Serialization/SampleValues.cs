using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace CrisisGrid.Grains.Tests.Serialization;

/// <summary>
/// Builds a value of any message, event or view type with every member set to something other than its default, so
/// that a member the wire format drops shows up as a difference after a round trip. Hand-written because a general
/// fake-data library fills properties, while these types are positional records and immutable collections.
/// </summary>
internal sealed class SampleValues(Assembly contracts)
{
    private const int MaxDepth = 5;

    private readonly Type[] _concrete = [.. contracts.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, ContainsGenericParameters: false })];

    public object? For(Type type, int depth = 0)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return For(underlying, depth);
        }

        if (Scalar(type) is { } scalar)
        {
            return scalar;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1);
        }

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(For(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && Collection(type, depth) is { } collection)
        {
            return collection;
        }

        if (depth > MaxDepth && !type.IsValueType)
        {
            return null;
        }

        if (type.IsAbstract || type.IsInterface)
        {
            var implementation = _concrete.FirstOrDefault(type.IsAssignableFrom)
                ?? throw new InvalidOperationException($"no concrete type in the contracts for {type}");
            return For(implementation, depth);
        }

        return Construct(type, depth);
    }

    private object Construct(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var instance = constructor is null
            ? Activator.CreateInstance(type)!
            : constructor.Invoke([.. constructor.GetParameters().Select(p => For(p.ParameterType, depth + 1))]);

        // Members outside the primary constructor (init properties) are the ones most easily left without an [Id].
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (IsDefault(property.GetValue(instance)))
            {
                property.SetValue(instance, For(property.PropertyType, depth + 1));
            }
        }

        return instance;
    }

    private object? Collection(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (arguments.Length == 1 && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = For(arguments[0], depth + 1);
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments[0]))!;
            list.Add(item);
            if (ImmutableFactory(definition) is { } factory)
            {
                return Invoke(factory, arguments, list);
            }

            if (definition == typeof(HashSet<>) || definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>))
            {
                return Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(arguments), list);
            }

            return list; // List<T>, IReadOnlyList<T>, IEnumerable<T>, IReadOnlyCollection<T>
        }

        if (arguments.Length == 2 && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
            dictionary.Add(For(arguments[0], depth + 1)!, For(arguments[1], depth + 1));
            return ImmutableFactory(definition) is { } factory ? Invoke(factory, arguments, dictionary) : dictionary;
        }

        return null;
    }

    // ImmutableArray<T>, ImmutableSortedDictionary<K, V> ...: each has a static class of the same name with CreateRange.
    private static Type? ImmutableFactory(Type definition) =>
        definition.Namespace == typeof(ImmutableArray).Namespace && definition.IsGenericTypeDefinition
            ? definition.Assembly.GetType($"{definition.Namespace}.{definition.Name[..definition.Name.IndexOf('`', StringComparison.Ordinal)]}")
            : null;

    private static object Invoke(Type factory, Type[] arguments, object source) =>
        factory.GetMethods()
            .Single(m => m.Name == nameof(ImmutableArray.CreateRange) && m.GetParameters().Length == 1 && m.GetGenericArguments().Length == arguments.Length)
            .MakeGenericMethod(arguments)
            .Invoke(null, [source])!;

    private static object? Scalar(Type type) => type switch
    {
        _ when type == typeof(string) => "Ardenia-7",
        _ when type == typeof(int) => 7,
        _ when type == typeof(long) => 70L,
        _ when type == typeof(short) => (short)5,
        _ when type == typeof(double) => 0.75,
        _ when type == typeof(decimal) => 1.25m,
        _ when type == typeof(bool) => true,
        _ when type == typeof(Guid) => Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
        _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
        _ when type == typeof(DateTime) => new DateTime(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc),
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(90),
        _ when type == typeof(object) => "Borduria-3",
        _ => null,
    };

    private static bool IsDefault(object? value) => value switch
    {
        null => true,
        ValueType v => v.Equals(Activator.CreateInstance(v.GetType())),
        _ => false,
    };
}
