using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Injects;

/// <summary>Evaluates an inject's condition against the world. Unknown nations make a condition false, never throw.</summary>
public static class ConditionEvaluator
{
    public static bool Holds(Condition condition, WorldFacts facts) => condition switch
    {
        AllOfCondition all => all.Conditions.All(c => Holds(c, facts)),
        AnyOfCondition any => any.Conditions.Any(c => Holds(c, facts)),
        TurnCondition t => facts.Turn >= t.AtLeast,
        IndexCondition i => facts.Nations.TryGetValue(i.Nation, out var nation) && Compare(nation.Indices[i.Index], i.Comparison, i.Value),
        RelationCondition r => Between(facts, r) is { } value && Compare(value, r.Comparison, r.Value),
        _ => false,
    };

    /// <summary>
    /// The relation between two nations read both ways: tension is the higher of the two directions (the more alarmed
    /// party drives escalation), trust the lower.
    /// </summary>
    public static int? Between(WorldFacts facts, RelationCondition r)
    {
        if (!facts.Nations.TryGetValue(r.NationA, out var a) || !facts.Nations.TryGetValue(r.NationB, out var b))
        {
            return null;
        }

        var ab = a.RelationWith(r.NationB);
        var ba = b.RelationWith(r.NationA);
        return r.Measure == RelationMeasure.Tension ? Math.Max(ab.Tension, ba.Tension) : Math.Min(ab.Trust, ba.Trust);
    }

    private static bool Compare(int actual, Comparison comparison, int value) =>
        comparison == Comparison.Above ? actual > value : actual < value;
}
