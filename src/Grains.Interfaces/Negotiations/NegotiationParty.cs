using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

[GenerateSerializer, Alias("Negotiations.PartyKind")]
public enum PartyKind
{
    Nation,
    Alliance,
}

/// <summary>
/// A party to the talks. A nation acts for itself; an alliance through any of its <see cref="Nations"/> (its members
/// when the talks were convened), and signs only under a passed alliance decision.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationParty")]
public sealed record NegotiationParty(string Code, PartyKind Kind, ImmutableArray<string> Nations)
{
    public static NegotiationParty Nation(string code) => new(code, PartyKind.Nation, [code]);

    public bool ActsThrough(string nation) => Nations.Contains(nation, StringComparer.Ordinal);
}
