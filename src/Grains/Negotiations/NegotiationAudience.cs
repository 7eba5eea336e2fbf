using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Who a session's events go to, resolved to nations when recorded (exercise control always sees them, by
/// <see cref="Audience"/>): plenary business to every party's nations and the mediator; a caucus to the mediator and
/// its party; a backchannel to its two parties only — not their allies, not the mediator. Public facts (that talks
/// exist, that an agreement entered into force) are public unless the talks are secret.
/// </summary>
public static class NegotiationAudience
{
    public static Audience Plenary(NegotiationDefinition definition) =>
        Audience.ToNations(definition.Parties.SelectMany(p => p.Nations).Concat(Mediator(definition)));

    public static Audience For(NegotiationDefinition definition, NegotiationChannel channel) => channel.Kind switch
    {
        ChannelKind.Plenary => Plenary(definition),
        ChannelKind.Caucus => Audience.ToNations(NationsOf(definition, channel.Party).Concat(Mediator(definition))),
        _ => Audience.ToNations(NationsOf(definition, channel.Party).Concat(NationsOf(definition, channel.Other))),
    };

    /// <summary>Public unless the talks are secret; then the plenary audience.</summary>
    public static Audience Public(NegotiationDefinition definition) => definition.Secret ? Plenary(definition) : Audience.Public;

    private static IEnumerable<string> Mediator(NegotiationDefinition definition) =>
        definition.Mediator is { } mediator ? [mediator] : [];

    private static ImmutableArray<string> NationsOf(NegotiationDefinition definition, string? party) =>
        definition.Parties.FirstOrDefault(p => p.Code == party)?.Nations ?? [];
}
