using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Who may write in which channel: plenary — every party's nations and the mediator; a caucus — the mediator and the
/// nations of its one party; a backchannel — the nations of its two parties, never the mediator.
/// </summary>
internal static class ChannelRules
{
    public static Decision? MayPost(NegotiationState state, NegotiationChannel? channel, string author)
    {
        if (channel is null)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "Say which channel the message is for.", "channel", "plenary, caucus, backchannel");
        }

        var definition = state.Definition!;
        var mediator = NegotiationAccess.IsMediator(state, author);
        switch (channel.Kind)
        {
            case ChannelKind.Plenary:
                return null;

            case ChannelKind.Caucus:
                if (definition.Mediator is null)
                {
                    return Decision.Reject(RejectionCodes.InvalidArgument, "These talks have no mediator, so there is no caucus.", "channel.kind", "plenary, backchannel");
                }

                if (NegotiationAccess.Party(state, channel.Party) is not { } party)
                {
                    return Decision.Reject(NegotiationRejectionCodes.NotAParty, $"A caucus is the mediator with one party; {channel.Party ?? "no party"} is not a party.", "channel.party", NegotiationAccess.Parties(state));
                }

                return mediator || party.ActsThrough(author)
                    ? null
                    : Decision.Reject(NegotiationRejectionCodes.NotAParty, $"Only the mediator and {party.Code} write in the {channel.Name}.", "channel", $"the mediator, {string.Join(", ", party.Nations)}");

            default:
                var a = NegotiationAccess.Party(state, channel.Party);
                var b = NegotiationAccess.Party(state, channel.Other);
                if (a is null || b is null || a.Code == b.Code)
                {
                    return Decision.Reject(NegotiationRejectionCodes.NotAParty, "A backchannel joins two different parties to these talks.", "channel", NegotiationAccess.Parties(state));
                }

                return a.ActsThrough(author) || b.ActsThrough(author)
                    ? null
                    : Decision.Reject(NegotiationRejectionCodes.NotAParty, $"Only {a.Code} and {b.Code} write in their backchannel; nobody else reads it.", "channel", $"{string.Join(", ", a.Nations.Concat(b.Nations).Distinct())}");
        }
    }
}
