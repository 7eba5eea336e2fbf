namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// The exercise's seeded random stream. Draw <c>n</c> of a named stream is a pure function of (seed, stream, n), so
/// the state only has to remember how many draws were taken, and a replay of the log gives the same numbers.
/// Hand-written because System.Random cannot resume from a stored position and its algorithm is not a contract.
/// SplitMix64 (Steele, Lea, Flood 2014) is small, fast and passes BigCrush.
/// </summary>
public static class DeterministicRandom
{
    /// <summary>A number in [0, 1).</summary>
    public static double NextUnit(long seed, string stream, long draw)
    {
        var bits = Mix(unchecked((ulong)seed ^ Fnv1a(stream) ^ ((ulong)draw * 0x9E3779B97F4A7C15UL)));
        return (bits >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>An integer in [minInclusive, maxExclusive).</summary>
    public static int NextInt(long seed, string stream, long draw, int minInclusive, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minInclusive, maxExclusive);
        return minInclusive + (int)Math.Floor(NextUnit(seed, stream, draw) * (maxExclusive - minInclusive));
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // A stable string hash: string.GetHashCode is randomised per process.
    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
