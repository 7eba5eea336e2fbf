using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Adjudication;

/// <summary>Collects one outcome's effects per nation, with what each nation's team is told.</summary>
internal sealed class OutcomeBuilder(string actor)
{
    private readonly SortedDictionary<string, (NationDelta Delta, List<string> Lines)> _effects = new(StringComparer.Ordinal);

    public string Actor { get; } = actor;

    public PublicReport? Report { get; set; }

    /// <summary>The act was noticed but not attributed: only the actor knows who acted (a covert act that went unseen).</summary>
    public bool Unattributed { get; set; }

    /// <summary>
    /// Who learns which nation acted: only the actor when the act went unattributed; everyone when it is reported in
    /// public; otherwise the nations told of it by name.
    /// </summary>
    public Audience WhoActed => Unattributed ? Audience.ToNation(Actor)
        : Report is not null ? Audience.Public
        : Audience.ToNations(_effects.Where(e => e.Value.Lines.Count > 0).Select(e => e.Key).Append(Actor));

    public OutcomeBuilder Index(string nation, NationIndex index, int delta) => Change(nation, d => d.AddIndex(index, delta));

    /// <summary>How <paramref name="nation"/> regards <paramref name="toward"/> moves.</summary>
    public OutcomeBuilder Regard(string nation, string toward, int trust, int tension) => Change(nation, d => d.AddRelation(toward, trust, tension));

    public OutcomeBuilder Posture(string nation, PostureChange change) => Change(nation, d => d with { Posture = change });

    public OutcomeBuilder Sanctions(string nation, string target, bool impose) => Change(
        nation,
        d => impose
            ? d with { SanctionsImposed = (d.SanctionsImposed ?? []).Add(target) }
            : d with { SanctionsLifted = (d.SanctionsLifted ?? []).Add(target) });

    /// <summary>A line in <paramref name="nation"/>'s account of this outcome.</summary>
    public OutcomeBuilder Tell(string nation, string line) => Change(nation, d => d, line);

    /// <summary>Each touched nation's effect, with <paramref name="because"/> wording the cause for that nation's team.</summary>
    public ImmutableArray<OutcomeEffect> Build(Func<string, string> because) =>
        [.. _effects
            .Where(e => !e.Value.Delta.IsEmpty || e.Value.Lines.Count > 0)
            .Select(e => new OutcomeEffect(e.Value.Delta, string.Join(" ", e.Value.Lines), because(e.Key)))];

    private OutcomeBuilder Change(string nation, Func<NationDelta, NationDelta> change, string? line = null)
    {
        if (!_effects.TryGetValue(nation, out var entry))
        {
            entry = (NationDelta.None(nation), []);
        }

        if (line is not null)
        {
            entry.Lines.Add(line);
        }

        _effects[nation] = (change(entry.Delta), entry.Lines);
        return this;
    }
}
