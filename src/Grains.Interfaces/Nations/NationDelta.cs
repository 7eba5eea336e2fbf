using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// A change to one nation, from an adjudicated action, an inject, news or exercise control. Index and relation
/// deltas add (and are clamped to 0–100 when applied); posture and sanctions changes replace.
/// </summary>
[GenerateSerializer, Alias("Nations.NationDelta"), Immutable]
public sealed record NationDelta(
    string Nation,
    ImmutableSortedDictionary<NationIndex, int> Indices,
    ImmutableSortedDictionary<string, RelationChange> Relations,
    PostureChange? Posture = null,
    ImmutableSortedSet<string>? SanctionsImposed = null,
    ImmutableSortedSet<string>? SanctionsLifted = null)
{
    public static NationDelta None(string nation) => new(
        nation,
        ImmutableSortedDictionary<NationIndex, int>.Empty,
        ImmutableSortedDictionary<string, RelationChange>.Empty.WithComparers(StringComparer.Ordinal));

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty =>
        Indices.Values.All(v => v == 0)
        && Relations.Values.All(r => r.Trust == 0 && r.Tension == 0)
        && Posture is null
        && (SanctionsImposed?.IsEmpty ?? true)
        && (SanctionsLifted?.IsEmpty ?? true);

    public NationDelta AddIndex(NationIndex index, int delta) =>
        delta == 0 ? this : this with { Indices = Indices.SetItem(index, Indices.GetValueOrDefault(index) + delta) };

    public NationDelta AddRelation(string toward, int trust, int tension)
    {
        if (trust == 0 && tension == 0)
        {
            return this;
        }

        var current = Relations.GetValueOrDefault(toward) ?? new RelationChange(toward, 0, 0);
        return this with { Relations = Relations.SetItem(toward, current with { Trust = current.Trust + trust, Tension = current.Tension + tension }) };
    }

    /// <summary>Adds another delta for the same nation (later posture wins).</summary>
    public NationDelta Plus(NationDelta other)
    {
        var sum = this;
        foreach (var (index, value) in other.Indices)
        {
            sum = sum.AddIndex(index, value);
        }

        foreach (var change in other.Relations.Values)
        {
            sum = sum.AddRelation(change.Toward, change.Trust, change.Tension);
        }

        return sum with
        {
            Posture = Posture is null ? other.Posture : other.Posture is null ? Posture : Posture.Then(other.Posture),
            SanctionsImposed = Union(SanctionsImposed, other.SanctionsImposed),
            SanctionsLifted = Union(SanctionsLifted, other.SanctionsLifted),
        };
    }

    /// <summary>The index and relation part of this delta, negated (used to undo an overridden outcome).</summary>
    public NationDelta NegatedAmounts() => new(
        Nation,
        Indices.ToImmutableSortedDictionary(p => p.Key, p => -p.Value),
        Relations.ToImmutableSortedDictionary(p => p.Key, p => p.Value with { Trust = -p.Value.Trust, Tension = -p.Value.Tension }, StringComparer.Ordinal));

    /// <summary>A delta from an inject effect in the scenario.</summary>
    public static NationDelta From(InjectEffect effect)
    {
        var delta = None(effect.Nation);
        foreach (var (index, value) in effect.Indices)
        {
            delta = delta.AddIndex(index, value);
        }

        foreach (var change in effect.Relations)
        {
            delta = delta.AddRelation(change.Toward, change.Trust, change.Tension);
        }

        return delta;
    }

    private static ImmutableSortedSet<string>? Union(ImmutableSortedSet<string>? a, ImmutableSortedSet<string>? b) =>
        a is null ? b : b is null ? a : a.Union(b);
}

/// <summary>
/// A change of force posture: mobilisation and/or deployment. Null parts stay as they are, so a mobilisation and a
/// deployment adjudicated in the same turn compose.
/// </summary>
[GenerateSerializer, Alias("Nations.PostureChange"), Immutable]
public sealed record PostureChange(bool? Mobilised = null, DeploymentArea? Area = null, string? Facing = null)
{
    public ForcePosture ApplyTo(ForcePosture posture) => new(
        Mobilised ?? posture.Mobilised,
        Area ?? posture.Area,
        Area is null ? posture.Facing : Facing);

    /// <summary>This change followed by <paramref name="later"/>.</summary>
    public PostureChange Then(PostureChange later) => new(
        later.Mobilised ?? Mobilised,
        later.Area ?? Area,
        later.Area is null ? Facing : later.Facing);
}
