namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>For mappings that hold exactly one of several keys (a condition, a trigger, an inject's "at").</summary>
internal static class Choice
{
    /// <summary>The one key of <paramref name="keys"/> that is written; reports none or several and returns null.</summary>
    public static string? ExactlyOne(MappingCursor mapping, IReadOnlyList<string> keys, string what, string allowed)
    {
        var present = keys.Where(mapping.Has).ToList();
        if (present.Count == 0)
        {
            mapping.Self.Report($"{what} needs one of {string.Join(", ", keys)}.", allowed);
            return null;
        }

        if (present.Count > 1)
        {
            mapping.KeyOf(present[1]).Report($"{what} takes only one of {string.Join(", ", keys)}, but has both '{present[0]}' and '{present[1]}'.", allowed);
            return null;
        }

        return present[0];
    }
}
