using System.Collections.Immutable;
using CrisisGrid.Grains.Infrastructure;

namespace CrisisGrid.Grains.Adjudication;

/// <summary>Rolls from the exercise's seeded stream, remembering the position and each roll for the record.</summary>
internal sealed class Dice(long seed, long position)
{
    public const string Stream = "adjudication";

    private readonly List<double> _rolls = [];

    public long Position { get; private set; } = position;

    public double Roll()
    {
        var value = DeterministicRandom.NextUnit(seed, Stream, Position++);
        _rolls.Add(value);
        return value;
    }

    /// <summary>The rolls since the last call, for one outcome's record.</summary>
    public ImmutableArray<double> TakeRolls()
    {
        var rolls = _rolls.ToImmutableArray();
        _rolls.Clear();
        return rolls;
    }
}
