using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Scenarios;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Negotiations;

/// <summary>
/// Invariants of negotiation sessions over random parties, amendments, signatures and channel traffic (FsCheck;
/// properties call QuickCheckThrowOnFailure as the alliance properties do).
/// </summary>
public class NegotiationPropertyTests
{
    private static readonly string[] Pool = ["ARC", "BOR", "CAL", "DAN"];

    private static Gen<string[]> PartiesGen =>
        from count in Gen.Choose(2, Pool.Length)
        from shuffled in Gen.Shuffle(Pool)
        select shuffled.Take(count).Order(StringComparer.Ordinal).ToArray();

    private static NegotiationBed Drafting(string[] parties)
    {
        var bed = NegotiationBed.Bargaining("NEU", false, [.. parties.Select(NegotiationParty.Nation)]);
        Assert.True(bed.Propose("NEU", 0, clauses: new CeasefireClause("ceasefire", [.. parties])).IsAccepted);
        return bed;
    }

    public enum Act
    {
        SignCurrent,
        SignPrevious,
        Amend,
    }

    [Fact]
    public void Property_an_agreement_is_in_force_only_if_every_party_signed_the_same_version()
    {
        var gen =
            from parties in PartiesGen
            from steps in Gen.ListOf(Gen.Zip(Gen.Choose(0, 3), Gen.Frequency((5, Gen.Constant(Act.SignCurrent)), (1, Gen.Constant(Act.SignPrevious)), (2, Gen.Constant(Act.Amend)))))
            select (Parties: parties, Steps: steps.Take(14).ToArray());
        Prop.ForAll(Arb.From(gen), input =>
        {
            var bed = Drafting(input.Parties);
            foreach (var (who, act) in input.Steps)
            {
                var party = input.Parties[who % input.Parties.Length];
                var current = bed.State.Versions.Count;
                _ = act switch
                {
                    Act.Amend => bed.Propose(party, current, clauses: [new CeasefireClause("ceasefire", [.. input.Parties]), new PrisonerExchangeClause($"pows{current}", [.. input.Parties])]),
                    Act.SignPrevious => bed.Sign(party, current - 1),
                    _ => bed.Sign(party, current),
                };

                var s = bed.State;
                var everyoneOnOneVersion = s.Signatures.Count == input.Parties.Length
                    && s.Signatures.Values.Select(x => x.Version).Distinct().Count() == 1;
                var inForce = s.Phase == NegotiationPhase.InForce;
                if (inForce != everyoneOnOneVersion
                    || (inForce && s.Signatures.Values.Any(x => x.Version != s.InForceVersion))
                    || bed.Harness.Events<AgreementEnteredIntoForce>().Count() > 1)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_the_outcome_does_not_depend_on_the_order_in_which_signatures_arrive()
    {
        var gen =
            from parties in PartiesGen
            from withAlliance in Gen.Elements(true, false)
            from authorised in Gen.Elements(true, false)
            from signers in Gen.SubListOf(Enumerable.Range(0, parties.Length + (withAlliance ? 1 : 0)).ToArray())
            from first in Gen.Shuffle(signers.ToArray())
            from second in Gen.Shuffle(signers.ToArray())
            select (Parties: parties, WithAlliance: withAlliance, Authorised: authorised, First: first, Second: second);
        Prop.ForAll(Arb.From(gen), input =>
        {
            // The alliance party PACT acts through EST, a nation outside the pool so it never overlaps a nation party.
            var pact = new NegotiationParty("PACT", PartyKind.Alliance, ["EST"]);
            string Run(int[] order)
            {
                var parties = input.Parties.Select(NegotiationParty.Nation).Concat(input.WithAlliance ? [pact] : []).ToArray();
                var bed = NegotiationBed.Bargaining("NEU", false, parties);
                bed.Propose("NEU", 0, clauses: new CeasefireClause("ceasefire", [.. input.Parties]));
                var subject = SignAgreementProposal.SubjectFor("talks", 1);
                var context = new SignatureContext(
                    input.Authorised ? NegotiationBed.Granted("PACT", "EST", DecisionKind.SignAgreement, subject) : NegotiationBed.Refused("PACT", "EST", DecisionKind.SignAgreement, subject),
                    ImmutableDictionary<string, Authorisation>.Empty);
                var answers = new List<string>();
                foreach (var i in order)
                {
                    var party = parties[i];
                    var decision = bed.Sign(party.Code, 1, context, Participant.Facilitator, party.Nations[0]);
                    answers.Add($"{party.Code}:{decision.Rejection?.Code ?? "ok"}");
                }

                var effects = bed.Harness.Events<AgreementEnteredIntoForce>()
                    .SelectMany(e => e.Effects)
                    .Select(d => $"{d.Nation}[{string.Join(",", d.Relations.Values.Select(r => $"{r.Toward}{r.Trust}/{r.Tension}"))}]");
                return $"{bed.State.Phase} v{bed.State.InForceVersion} signed[{string.Join(",", bed.State.Signatures.Keys)}] "
                    + $"answers[{string.Join(",", answers.Order(StringComparer.Ordinal))}] effects[{string.Join(";", effects)}]";
            }

            return Run(input.First) == Run(input.Second);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Property_a_backchannel_is_visible_to_exactly_its_two_parties_and_exercise_control()
    {
        var gen =
            from parties in PartiesGen
            from posts in Gen.ListOf(Gen.Zip(Gen.Choose(0, 2), Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, 3))))
            select (Parties: parties, Posts: posts.Take(12).ToArray());
        var viewers = Pool.Append("NEU").Append("EST").Select(Participant.Team)
            .Append(Participant.Facilitator).Append(Participant.Observer).Append(new Participant(ParticipantRole.Observer, null, FullView: false)).ToArray();
        Prop.ForAll(Arb.From(gen), input =>
        {
            var bed = NegotiationBed.Bargaining("NEU", false, [.. input.Parties.Select(NegotiationParty.Nation)]);
            foreach (var (kind, (a, b)) in input.Posts)
            {
                var p = input.Parties[a % input.Parties.Length];
                var q = input.Parties[b % input.Parties.Length];
                var (channel, author) = kind switch
                {
                    0 => (NegotiationChannel.Plenary, p),
                    1 => (NegotiationChannel.Caucus(p), a % 2 == 0 ? "NEU" : p),
                    _ => (NegotiationChannel.Backchannel(p, q), q),
                };
                bed.Post(author, channel); // a backchannel of a party with itself is refused; that is fine
            }

            // Who may read a message, restated from the domain's words, independently of the audience code.
            bool MayRead(Participant viewer, NegotiationMessage m) => viewer.IsControl || (viewer.Role == ParticipantRole.Team && m.Channel.Kind switch
            {
                ChannelKind.Plenary => input.Parties.Contains(viewer.Nation) || viewer.Nation == "NEU",
                ChannelKind.Caucus => viewer.Nation == m.Channel.Party || viewer.Nation == "NEU",
                _ => viewer.Nation == m.Channel.Party || viewer.Nation == m.Channel.Other,
            });

            var posted = bed.Harness.Log.Where(e => e.Event is MessagePosted).ToList();
            foreach (var viewer in viewers)
            {
                var view = NegotiationViews.For(bed.State, viewer);
                var seen = view?.Table?.Messages.Select(m => m.MessageId).ToHashSet() ?? [];
                var expected = bed.State.Messages.Where(m => MayRead(viewer, m)).Select(m => m.MessageId).ToHashSet();
                var streamed = posted.Where(e => e.Audience.Allows(viewer)).Select(e => ((MessagePosted)e.Event).MessageId).ToHashSet();
                if (!seen.SetEquals(expected) || !streamed.SetEquals(expected))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }
}
