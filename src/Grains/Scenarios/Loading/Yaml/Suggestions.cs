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

    /// <summary>Levenshtein distance with one rolling row.</summary>
    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
