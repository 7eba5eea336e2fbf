using System.Collections;
using System.Reflection;
using CrisisGrid.Grains.Exercises;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CrisisGrid.Grains.Tests.Serialization;

/// <summary>
/// Between silos every call is serialized (inside one silo Orleans copies instead), so a type that does not survive
/// Orleans' serializer breaks only in a cluster. These tests hold every contract type to the wire, one silo or not.
/// </summary>
public sealed class WireFormatTests
{
    private static readonly Assembly Contracts = typeof(IExerciseGrain).Assembly;

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(Contracts))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static IEnumerable<Type> Serializable => Contracts.GetTypes().Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null);

    public static TheoryData<string> ContractTypes => [.. Serializable.Where(t => !t.IsAbstract && !t.ContainsGenericParameters).Select(t => t.FullName!).Order()];

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void Every_message_event_and_view_arrives_on_another_silo_exactly_as_it_was_sent(string typeName)
    {
        var type = Contracts.GetType(typeName, throwOnError: true)!;
        var sent = new SampleValues(Contracts).For(type);

        var received = Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(sent));

        AssertSame(sent, received, type.Name);
    }

    [Fact]
    public void Every_contract_type_and_grain_interface_has_a_stable_alias_so_two_versions_of_silos_can_talk()
    {
        var grainInterfaces = Contracts.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));
        var withoutAlias = Serializable.Concat(grainInterfaces).Where(t => Alias(t) is null).Select(t => t.FullName);
        Assert.Empty(withoutAlias);

        var aliases = Serializable.Concat(grainInterfaces).GroupBy(Alias).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(aliases);
    }

    [Fact]
    public void Every_type_in_a_grain_call_has_a_codec()
    {
        var grainInterfaces = Contracts.GetTypes().Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));
        var carried = grainInterfaces
            .SelectMany(i => i.GetMethods())
            .SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))
            .Select(Unwrap)
            .Where(t => t is not null && t != typeof(void) && !t.IsGenericParameter && t != typeof(CancellationToken) && !typeof(IAddressable).IsAssignableFrom(t))
            .Distinct();

        Assert.Empty(carried.Where(t => !Serializer.CanSerialize(t!)).Select(t => t!.FullName));
    }

    private static string? Alias(Type type) => type.GetCustomAttributes<AliasAttribute>(inherit: false).FirstOrDefault()?.Alias;

    private static Type? Unwrap(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ? null
        : type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)) ? type.GetGenericArguments()[0]
        : type;

    // Records compare ImmutableArray members by reference, so equality is checked member by member instead.
    private static void AssertSame(object? sent, object? received, string path)
    {
        if (sent is null || received is null)
        {
            Assert.True(sent is null && received is null, $"{path}: sent {sent ?? "null"}, received {received ?? "null"}");
            return;
        }

        var type = sent.GetType();
        Assert.True(type == received.GetType(), $"{path}: sent a {type.Name}, received a {received.GetType().Name}");
        switch (sent)
        {
            case string or decimal or Guid or DateTimeOffset or DateTime or TimeSpan or Enum or Type:
            case var _ when type.IsPrimitive:
                Assert.True(Equals(sent, received), $"{path}: sent {sent}, received {received}");
                return;
            case Exception exception:
                Assert.Equal(exception.Message, ((Exception)received).Message);
                return;
            case IDictionary dictionary:
                var other = (IDictionary)received;
                Assert.True(dictionary.Count == other.Count, $"{path}: sent {dictionary.Count} entries, received {other.Count}");
                foreach (DictionaryEntry entry in dictionary)
                {
                    Assert.True(other.Contains(entry.Key), $"{path}: key {entry.Key} was lost");
                    AssertSame(entry.Value, other[entry.Key], $"{path}[{entry.Key}]");
                }

                return;
            case IEnumerable items:
                var (left, right) = (items.Cast<object?>().ToList(), ((IEnumerable)received).Cast<object?>().ToList());
                Assert.True(left.Count == right.Count, $"{path}: sent {left.Count} items, received {right.Count}");
                for (var i = 0; i < left.Count; i++)
                {
                    AssertSame(left[i], right[i], $"{path}[{i}]");
                }

                return;
        }

        // Settable members only: what travels is the data; computed members follow from it.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            AssertSame(property.GetValue(sent), property.GetValue(received), $"{path}.{property.Name}");
        }
    }
}
