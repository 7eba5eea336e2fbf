using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Negotiations;

/// <summary>
/// A negotiation session under pure rules, as its grain would run them. Nations of the exercise: ARC and BOR (the
/// parties by default), CAL (ARC's ally, outside the talks), NEU (the neutral mediator), DAN and EST (bystanders). Each
/// party's nation acts as its own team unless a test passes another actor.
/// </summary>
internal sealed class NegotiationBed
{
    public static readonly ImmutableArray<string> Nations = ["ARC", "BOR", "CAL", "DAN", "EST", "NEU"];

    private NegotiationBed(RuleHarness<NegotiationState> harness) => Harness = harness;

    public RuleHarness<NegotiationState> Harness { get; }

    public NegotiationState State => Harness.State;

    public DateTimeOffset Now => Harness.Now;

    public static NegotiationBed Convened(string? mediator = "NEU", bool secret = false, params NegotiationParty[] parties)
    {
        var harness = new RuleHarness<NegotiationState>(NegotiationState.Empty("talks"), "negotiation/talks", NegotiationEvolve.Apply);
        var definition = new NegotiationDefinition(
            "talks", "Lake Talks", parties.Length == 0 ? [NegotiationParty.Nation("ARC"), NegotiationParty.Nation("BOR")] : [.. parties], mediator, secret, mediator);
        harness.Accept(s => NegotiationRules.Initialize(s, Participant.System, new InitializeNegotiation(definition, Nations, 1), harness.Now));
        return new NegotiationBed(harness);
    }

    /// <summary>Convened, every party accepted and stated: bargaining.</summary>
    public static NegotiationBed Bargaining(string? mediator = "NEU", bool secret = false, params NegotiationParty[] parties)
    {
        var bed = Convened(mediator, secret, parties);
        foreach (var party in bed.State.Definition!.Parties)
        {
            bed.Harness.Accept(s => NegotiationRules.RespondToInvitation(s, Participant.Facilitator, new RespondToInvitation(party.Nations[0], party.Code, true), bed.Now));
        }

        foreach (var party in bed.State.Definition!.Parties)
        {
            bed.Harness.Accept(s => NegotiationRules.MakeOpeningStatement(s, Participant.Facilitator, new MakeOpeningStatement(party.Nations[0], party.Code, $"{party.Code} wants peace."), bed.Now));
        }

        return bed;
    }

    /// <summary>Bargaining, then a ceasefire text (version 1) tabled by the mediator.</summary>
    public static NegotiationBed Drafting(int? duration = null, params Clause[] clauses)
    {
        var bed = Bargaining();
        bed.Harness.Accept(s => NegotiationRules.ProposeText(s, Participant.Facilitator,
            new ProposeText("NEU", 0, clauses.Length == 0 ? [Ceasefire] : [.. clauses], duration), bed.Now));
        return bed;
    }

    /// <summary>Both parties signed version 1: in force.</summary>
    public static NegotiationBed InForce(int? duration = null, params Clause[] clauses)
    {
        var bed = Drafting(duration, clauses);
        bed.Harness.Accept(s => NegotiationRules.Sign(s, Participant.Team("ARC"), new SignText("ARC", "ARC", 1), SignatureContext.None, bed.Now));
        bed.Harness.Accept(s => NegotiationRules.Sign(s, Participant.Team("BOR"), new SignText("BOR", "BOR", 1), SignatureContext.None, bed.Now));
        return bed;
    }

    public static readonly CeasefireClause Ceasefire = new("ceasefire", ["ARC", "BOR"]);

    public Decision Respond(string party, bool accept = true, Participant? actor = null, string? reason = null, string? @as = null) =>
        Harness.Do(s => NegotiationRules.RespondToInvitation(s, actor ?? Participant.Team(@as ?? party), new RespondToInvitation(@as ?? party, party, accept, reason), Now));

    public Decision Statement(string party, Participant? actor = null) =>
        Harness.Do(s => NegotiationRules.MakeOpeningStatement(s, actor ?? Participant.Team(party), new MakeOpeningStatement(party, party, "Our position."), Now));

    public Decision Post(string author, NegotiationChannel channel, string text = "A word in confidence.", string? id = null, Participant? actor = null) =>
        Harness.Do(s => NegotiationRules.PostMessage(s, actor ?? Participant.Team(author), new PostMessage(author, id ?? $"m{s.Messages.Count + 1}", channel, text), Now));

    public Decision Propose(string author, int basedOn, int? duration = null, Participant? actor = null, params Clause[] clauses) =>
        Harness.Do(s => NegotiationRules.ProposeText(s, actor ?? Participant.Team(author), new ProposeText(author, basedOn, [.. clauses], duration), Now));

    public Decision Sign(string party, int version, SignatureContext? context = null, Participant? actor = null, string? @as = null) =>
        Harness.Do(s => NegotiationRules.Sign(s, actor ?? Participant.Team(@as ?? party), new SignText(@as ?? party, party, version), context ?? SignatureContext.None, Now));

    public Decision Review(int turn, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>? sanctioning = null, params (string Actor, NationAction Action)[] orders) =>
        Harness.Do(s => NegotiationRules.ReviewCompliance(s, Participant.System, new ReviewCompliance(Turn(turn, sanctioning, orders)), Now));

    public static AdjudicatedTurn Turn(int turn, ImmutableSortedDictionary<string, ImmutableSortedSet<string>>? sanctioning, params (string Actor, NationAction Action)[] orders) =>
        new(
            turn,
            [.. orders.Select((o, i) => new Outcome($"t{turn}-{o.Actor}-{i + 1}", turn, o.Actor, $"o{i + 1}", o.Action, true, "done", [], [], null))],
            sanctioning ?? ImmutableSortedDictionary<string, ImmutableSortedSet<string>>.Empty.WithComparers(StringComparer.Ordinal));

    public static Authorisation Granted(string alliance, string nation, DecisionKind kind, string subject) =>
        new(alliance, nation, kind, subject, true, "d1", null);

    public static Authorisation Refused(string alliance, string nation, DecisionKind kind, string subject) =>
        new(alliance, nation, kind, subject, true, null, new Rejection(AllianceRejectionCodes.NotAuthorised,
            $"{alliance} has no passed signAgreement decision authorising it to sign {subject}; table one first.", "action", $"a passed signAgreement decision of {alliance}"));

    public static NegotiationParty Pact => new("PACT", PartyKind.Alliance, ["BOR", "CAL"]);
}
