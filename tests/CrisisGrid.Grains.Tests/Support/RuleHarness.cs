using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>
/// Runs pure rules the way a grain does — decide, then fold the accepted events into the state — without a host,
/// so rule tests see exactly the state transitions a grain would make.
/// </summary>
internal sealed class RuleHarness<TState>(TState initial, string stream, Func<TState, RecordedEvent, TState> evolve)
{
    private long _sequence;
    private long _version;

    public TState State { get; private set; } = initial;

    public DateTimeOffset Now { get; set; } = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public List<RecordedEvent> Log { get; } = [];

    /// <summary>Decides and, when accepted, applies. Returns the decision for assertions.</summary>
    public Decision Do(Func<TState, Decision> decide)
    {
        var decision = decide(State);
        if (decision.IsAccepted)
        {
            foreach (var pending in decision.Events)
            {
                var recorded = new RecordedEvent("ex", ++_sequence, stream, ++_version, Now, null, pending.Audience, pending.Event);
                Log.Add(recorded);
                State = evolve(State, recorded);
            }
        }

        return decision;
    }

    /// <summary>Like <see cref="Do"/>, but fails the test when the rules reject.</summary>
    public Decision Accept(Func<TState, Decision> decide)
    {
        var decision = Do(decide);
        Assert.True(decision.IsAccepted, $"Expected acceptance, got: {decision.Rejection}");
        return decision;
    }

    public IEnumerable<T> Events<T>() => Log.Select(e => e.Event).OfType<T>();
}

internal static class Harness
{
    public static RuleHarness<ExerciseState> Exercise(string id = "ex") =>
        new(ExerciseState.Empty(id), StreamNames.Exercise, ExerciseEvolve.Apply);

    public static RuleHarness<NationState> Nation(string code) =>
        new(NationState.Empty(code), StreamNames.Nation(code), (s, e) => NationEvolve.Apply(s, e.Event));
}

internal static class DecisionAssert
{
    public static Rejection Rejected(Decision decision, string code)
    {
        Assert.False(decision.IsAccepted, "Expected a rejection but the command was accepted.");
        Assert.Empty(decision.Events);
        Assert.Equal(code, decision.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(decision.Rejection.Message));
        return decision.Rejection;
    }
}
