using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>One turn's closed orders: four nations with random states and up to three orders each.</summary>
public sealed record TurnOrders(ImmutableArray<ClosedOrders> Orders)
{
    public override string ToString() =>
        string.Join("; ", Orders.Select(o => $"{o.Nation.Code} [{string.Join(", ", o.Orders.Select(x => x.Action))}]"));
}

/// <summary>Any exercise seed (0 to int.MaxValue).</summary>
public readonly record struct Seed(int Value);

/// <summary>How many random draws the exercise has made before this turn (0 to 1000).</summary>
public readonly record struct DrawsSoFar(int Value);

/// <summary>A nation in a random state and a sequence of arbitrary (often out-of-range) changes to it.</summary>
public sealed record NationChanges(NationState Start, IReadOnlyList<NationDelta> Deltas)
{
    public override string ToString() => $"{Start.Code} {Start.Indices} then [{string.Join("; ", Deltas)}]";
}

/// <summary>
/// Arbitrary providers for <c>[Property(Arbitrary = [typeof(DomainArbitraries)])]</c>: FsCheck picks each property
/// parameter's generator by its type, so the domain's generators (<see cref="Generators"/>) are wrapped in small types.
/// </summary>
public static class DomainArbitraries
{
    public static Arbitrary<TurnOrders> Turns() => Generators.Turn.Select(o => new TurnOrders(o)).ToArbitrary();

    public static Arbitrary<Seed> Seeds() => Gen.Choose(0, int.MaxValue).Select(s => new Seed(s)).ToArbitrary();

    public static Arbitrary<DrawsSoFar> Draws() => Gen.Choose(0, 1000).Select(d => new DrawsSoFar(d)).ToArbitrary();

    public static Arbitrary<NationChanges> Changes() =>
        (from code in Gen.Elements(Generators.Codes)
         from start in Generators.Nation(code)
         from deltas in Gen.ListOf(Generators.Delta(code))
         select new NationChanges(start, deltas)).ToArbitrary();

    public static Arbitrary<EngineSession> Sessions() => EngineSteps.Session.Select(s => new EngineSession(s)).ToArbitrary();
}

/// <summary>A random exercise session (up to 40 steps by exercise control and the teams); see <see cref="EngineSteps"/>.</summary>
public sealed class EngineSession
{
    internal EngineSession(ImmutableArray<EngineStep> steps) => Steps = steps;

    internal ImmutableArray<EngineStep> Steps { get; }

    public override string ToString() => $"[{string.Join(", ", Steps)}]";
}
