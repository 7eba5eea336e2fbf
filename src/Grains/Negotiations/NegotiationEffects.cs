using System.Collections.Immutable;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// What agreements do to nations (docs/negotiations.md): entry into force raises trust and lowers tension between
/// the parties' nations; a breach costs the violator international standing and the other parties' trust; a kept
/// confidence-building measure builds some trust. Amounts are deliberately modest next to adjudicated actions.
/// </summary>
public static class NegotiationEffects
{
    public const int ForceTrust = 10;
    public const int ForceTension = -10;
    public const int BreachStanding = -5;
    public const int BreachTrust = -10;
    public const int BreachTension = 10;
    public const int KeptTrust = 3;
    public const int KeptTension = -2;

    /// <summary>Each party's nations regard every other party's nations with more trust and less tension.</summary>
    public static ImmutableArray<NationDelta> EntryIntoForce(NegotiationDefinition definition)
    {
        var deltas = new SortedDictionary<string, NationDelta>(StringComparer.Ordinal);
        foreach (var party in definition.Parties)
        {
            foreach (var nation in party.Nations)
            {
                foreach (var other in Counterparts(definition, nation))
                {
                    deltas[nation] = (deltas.GetValueOrDefault(nation) ?? NationDelta.None(nation)).AddRelation(other, ForceTrust, ForceTension);
                }
            }
        }

        return [.. deltas.Values.Where(d => !d.IsEmpty)];
    }

    public static ImmutableArray<NationDelta> Breach(NegotiationDefinition definition, string violator) =>
        [
            NationDelta.None(violator).AddIndex(NationIndex.InternationalStanding, BreachStanding),
            .. Counterparts(definition, violator).Select(n => NationDelta.None(n).AddRelation(violator, BreachTrust, BreachTension)),
        ];

    public static ImmutableArray<NationDelta> Kept(NegotiationDefinition definition, string nation) =>
        [.. Counterparts(definition, nation).Select(n => NationDelta.None(n).AddRelation(nation, KeptTrust, KeptTension))];

    /// <summary>The nations of every party <paramref name="nation"/> does not act for.</summary>
    public static IEnumerable<string> Counterparts(NegotiationDefinition definition, string nation) =>
        definition.Parties.Where(p => !p.ActsThrough(nation)).SelectMany(p => p.Nations).Where(n => n != nation).Distinct().Order(StringComparer.Ordinal);
}
