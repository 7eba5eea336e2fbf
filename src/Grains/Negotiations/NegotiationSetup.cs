using System.Collections.Immutable;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// Turns talks as a scenario, inject or convener names them into a session definition (alliance parties resolved to
/// their members), and checks a definition: at least two distinct parties, known nations, a mediator who is no party.
/// </summary>
public static class NegotiationSetup
{
    public static (NegotiationDefinition? Definition, Decision? Refusal) Resolve(
        TalksDefinition talks, ImmutableArray<NationDefinition> nations, ImmutableArray<AllianceDefinition> alliances, string? convenedBy)
    {
        var parties = ImmutableArray.CreateBuilder<NegotiationParty>();
        foreach (var (code, index) in (talks.Parties.IsDefault ? [] : talks.Parties).Select((c, i) => (c, i)))
        {
            if (nations.Any(n => n.Code == code))
            {
                parties.Add(NegotiationParty.Nation(code));
            }
            else if (alliances.FirstOrDefault(a => a.Code == code) is { } alliance)
            {
                parties.Add(new NegotiationParty(code, PartyKind.Alliance, [.. alliance.Members.Order(StringComparer.Ordinal)]));
            }
            else
            {
                return (null, Decision.Reject(RejectionCodes.NotFound, $"{code} is neither a nation nor an alliance in this exercise.", $"parties[{index}]",
                    string.Join(", ", nations.Select(n => n.Code).Concat(alliances.Select(a => a.Code)))));
            }
        }

        var definition = new NegotiationDefinition(talks.Id, talks.Title.Trim(), parties.ToImmutable(), talks.Mediator, talks.Secret, convenedBy);
        return Check(definition, [.. nations.Select(n => n.Code)]) is { } refusal ? (null, refusal) : (definition, null);
    }

    public static Decision? Check(NegotiationDefinition definition, ImmutableArray<string> nations)
    {
        var known = nations.IsDefault ? [] : nations;
        if (NegotiationValidation.Id(definition.Id, "id", "The session id") is { } badId)
        {
            return badId;
        }

        if (NegotiationValidation.Text(definition.Title, "title", "The title", NegotiationValidation.MaxReasonLength) is { } badTitle)
        {
            return badTitle;
        }

        var parties = definition.Parties.IsDefault ? [] : definition.Parties;
        if (parties.Length < 2 || parties.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count() != parties.Length)
        {
            return Decision.Reject(RejectionCodes.InvalidArgument, "Talks need at least two different parties.", "parties", "two or more distinct nations or alliances");
        }

        var unknown = parties.SelectMany(p => p.Nations).FirstOrDefault(n => !known.Contains(n));
        if (unknown is not null)
        {
            return Decision.Reject(RejectionCodes.NotFound, $"{unknown} is not a nation in this exercise.", "parties", string.Join(", ", known));
        }

        if (definition.Mediator is { } mediator)
        {
            if (!known.Contains(mediator))
            {
                return Decision.Reject(RejectionCodes.NotFound, $"Mediator {mediator} is not a nation in this exercise.", "mediator", string.Join(", ", known));
            }

            if (parties.Any(p => p.ActsThrough(mediator)))
            {
                return Decision.Reject(RejectionCodes.InvalidArgument, $"{mediator} acts for a party and cannot also mediate.", "mediator", "a nation that is not a party");
            }
        }

        return null;
    }
}
