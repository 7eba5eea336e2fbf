namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// "Did you mean …?" for misspelt keys, enum values and references. Hand-written because it is a dozen lines of
/// edit distance and no library in the build offers it.
/// </summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a typo's reach (a third of the word, at least 1 and at most 3 edits), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        var reach = Math.Clamp(typed.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance <= reach && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" or an empty string — ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } match ? $" Did you mean '{match}'?" : "";

    /// <summary>
    /// Edit distance counting a swap of neighbours as one edit (optimal string alignment): "BRO" is one typo from
    /// "BOR", which matters for three-letter codes.
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
