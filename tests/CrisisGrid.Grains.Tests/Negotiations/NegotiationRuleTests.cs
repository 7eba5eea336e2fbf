using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Negotiations;

/// <summary>Each rule and refusal of a negotiation session, phase by phase, through the session's pure rules.</summary>
public class NegotiationRuleTests
{
    // ---- Convening and invitations ------------------------------------------------------------------------------

    [Fact]
    public void Talks_open_for_opening_statements_when_every_party_accepts()
    {
        var bed = NegotiationBed.Convened();
        Assert.True(bed.Respond("ARC").IsAccepted);
        Assert.Equal(NegotiationPhase.Convened, bed.State.Phase);
        Assert.True(bed.Respond("BOR").IsAccepted);
        Assert.Equal(NegotiationPhase.OpeningStatements, bed.State.Phase);
    }

    [Fact]
    public void A_declined_invitation_collapses_the_talks_and_needs_a_reason()
    {
        var bed = NegotiationBed.Convened();
        Assert.Equal("reason", DecisionAssert.Rejected(bed.Respond("BOR", accept: false), RejectionCodes.InvalidArgument).Field);
        Assert.True(bed.Respond("BOR", accept: false, reason: "Not while troops stand on our border.").IsAccepted);
        Assert.Equal(NegotiationPhase.Collapsed, bed.State.Phase);
        Assert.Contains("BOR declined", bed.State.EndReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_party_answers_the_invitation_once()
    {
        var bed = NegotiationBed.Convened();
        bed.Respond("ARC");
        DecisionAssert.Rejected(bed.Respond("ARC"), NegotiationRejectionCodes.AlreadyRecorded);
    }

    [Fact]
    public void Talks_need_two_distinct_parties_known_nations_and_a_mediator_who_is_no_party()
    {
        var state = NegotiationState.Empty("t");
        NegotiationDefinition Def(string? mediator, params string[] parties) =>
            new("t", "Talks", [.. parties.Select(NegotiationParty.Nation)], mediator, false, null);
        Decision Init(NegotiationDefinition d) => NegotiationRules.Initialize(state, Participant.System, new InitializeNegotiation(d, NegotiationBed.Nations, 1), DateTimeOffset.UnixEpoch);

        Assert.Equal("parties", DecisionAssert.Rejected(Init(Def(null, "ARC")), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("parties", DecisionAssert.Rejected(Init(Def(null, "ARC", "ARC")), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("parties", DecisionAssert.Rejected(Init(Def(null, "ARC", "XXX")), RejectionCodes.NotFound).Field);
        Assert.Equal("mediator", DecisionAssert.Rejected(Init(Def("ARC", "ARC", "BOR")), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("mediator", DecisionAssert.Rejected(Init(Def("ZZZ", "ARC", "BOR")), RejectionCodes.NotFound).Field);
        DecisionAssert.Rejected(NegotiationRules.Initialize(state, Participant.Team("ARC"), new InitializeNegotiation(Def(null, "ARC", "BOR"), NegotiationBed.Nations, 1), DateTimeOffset.UnixEpoch), RejectionCodes.Forbidden);
    }

    [Fact]
    public void Public_talks_are_announced_to_everyone_and_secret_talks_only_to_those_at_the_table()
    {
        var open = NegotiationBed.Convened();
        Assert.Equal(Audience.Public, open.Harness.Log[0].Audience);
        var secret = NegotiationBed.Convened(secret: true);
        Assert.Equal(Audience.ToNations(["ARC", "BOR", "NEU"]), secret.Harness.Log[0].Audience);
        Assert.Null(NegotiationViews.For(secret.State, Participant.Team("CAL")));
        Assert.Null(NegotiationViews.For(secret.State, Participant.Observer));
        Assert.NotNull(NegotiationViews.For(secret.State, Participant.Team("ARC")));
        Assert.NotNull(NegotiationViews.For(secret.State, Participant.Facilitator));
    }

    // ---- Who may act -------------------------------------------------------------------------------------------

    [Fact]
    public void A_non_party_cannot_act_for_a_party()
    {
        var bed = NegotiationBed.Convened();
        Assert.Equal("as", DecisionAssert.Rejected(bed.Respond("ARC", @as: "CAL"), NegotiationRejectionCodes.NotAParty).Field);
        Assert.Equal("party", DecisionAssert.Rejected(bed.Respond("CAL"), NegotiationRejectionCodes.NotAParty).Field);
        DecisionAssert.Rejected(bed.Respond("BOR", actor: Participant.Team("ARC")), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(bed.Respond("ARC", actor: Participant.Observer), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(bed.Post("DAN", NegotiationChannel.Plenary), NegotiationRejectionCodes.NotAParty);
        Assert.True(bed.Respond("ARC", actor: Participant.Facilitator).IsAccepted); // control plays any nation
    }

    [Fact]
    public void An_alliance_party_acts_through_its_member_nations()
    {
        var bed = NegotiationBed.Convened("NEU", false, NegotiationParty.Nation("ARC"), NegotiationBed.Pact);
        Assert.True(bed.Respond("PACT", @as: "CAL").IsAccepted);
        DecisionAssert.Rejected(bed.Respond("PACT", @as: "BOR"), NegotiationRejectionCodes.AlreadyRecorded);
        DecisionAssert.Rejected(bed.Respond("PACT", @as: "ARC"), NegotiationRejectionCodes.NotAParty);
    }

    [Fact]
    public void Secret_talks_refuse_an_outsider_exactly_as_missing_talks_do()
    {
        var secret = NegotiationBed.Convened(secret: true);
        var missing = NegotiationState.Empty("talks");
        var asOutsider = NegotiationRules.PostMessage(secret.State, Participant.Team("CAL"), new PostMessage("CAL", "m1", NegotiationChannel.Plenary, "Hello?"), secret.Now);
        var asNobody = NegotiationRules.PostMessage(missing, Participant.Team("CAL"), new PostMessage("CAL", "m1", NegotiationChannel.Plenary, "Hello?"), secret.Now);
        Assert.Equal(asNobody.Rejection, DecisionAssert.Rejected(asOutsider, RejectionCodes.NotInitialized));
    }

    // ---- Phases ------------------------------------------------------------------------------------------------

    [Fact]
    public void Each_command_is_refused_outside_its_phase_naming_where_it_belongs()
    {
        var bed = NegotiationBed.Convened();
        var early = DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: NegotiationBed.Ceasefire), NegotiationRejectionCodes.WrongPhase);
        Assert.Equal("bargaining, drafting, at signature", early.Allowed);
        DecisionAssert.Rejected(bed.Statement("ARC"), NegotiationRejectionCodes.WrongPhase);
        DecisionAssert.Rejected(bed.Sign("ARC", 1), NegotiationRejectionCodes.WrongPhase);

        var inForce = NegotiationBed.InForce();
        DecisionAssert.Rejected(inForce.Propose("ARC", 1, clauses: NegotiationBed.Ceasefire), NegotiationRejectionCodes.WrongPhase);
        DecisionAssert.Rejected(inForce.Harness.Do(s => NegotiationRules.WalkOut(s, Participant.Team("ARC"), new WalkOut("ARC", "ARC", "Enough."), inForce.Now)), NegotiationRejectionCodes.WrongPhase);
        DecisionAssert.Rejected(inForce.Respond("ARC"), NegotiationRejectionCodes.WrongPhase);
    }

    [Fact]
    public void Every_party_makes_one_opening_statement_then_bargaining_begins()
    {
        var bed = NegotiationBed.Convened();
        bed.Respond("ARC");
        bed.Respond("BOR");
        Assert.True(bed.Statement("ARC").IsAccepted);
        DecisionAssert.Rejected(bed.Statement("ARC"), NegotiationRejectionCodes.AlreadyRecorded);
        Assert.Equal(NegotiationPhase.OpeningStatements, bed.State.Phase);
        Assert.True(bed.Statement("BOR").IsAccepted);
        Assert.Equal(NegotiationPhase.Bargaining, bed.State.Phase);
    }

    [Fact]
    public void A_party_walking_out_collapses_the_talks_publicly()
    {
        var bed = NegotiationBed.Bargaining();
        var walked = bed.Harness.Do(s => NegotiationRules.WalkOut(s, Participant.Team("BOR"), new WalkOut("BOR", "BOR", "Our demands were ignored."), bed.Now));
        Assert.True(walked.IsAccepted);
        Assert.Equal(NegotiationPhase.Collapsed, bed.State.Phase);
        Assert.Equal(Audience.Public, bed.Harness.Log[^1].Audience);
        DecisionAssert.Rejected(bed.Post("ARC", NegotiationChannel.Plenary), NegotiationRejectionCodes.WrongPhase);
    }

    // ---- Channels ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_caucus_is_the_mediator_with_one_party()
    {
        var bed = NegotiationBed.Bargaining();
        Assert.True(bed.Post("NEU", NegotiationChannel.Caucus("ARC")).IsAccepted);
        Assert.True(bed.Post("ARC", NegotiationChannel.Caucus("ARC")).IsAccepted);
        DecisionAssert.Rejected(bed.Post("BOR", NegotiationChannel.Caucus("ARC")), NegotiationRejectionCodes.NotAParty);
        Assert.Equal(Audience.ToNations(["ARC", "NEU"]), bed.Harness.Log[^1].Audience);

        var unmediated = NegotiationBed.Bargaining(mediator: null);
        Assert.Equal("channel.kind", DecisionAssert.Rejected(unmediated.Post("ARC", NegotiationChannel.Caucus("ARC")), RejectionCodes.InvalidArgument).Field);
    }

    [Fact]
    public void A_backchannel_is_written_and_read_only_by_its_two_parties()
    {
        var bed = NegotiationBed.Bargaining("NEU", false, NegotiationParty.Nation("ARC"), NegotiationParty.Nation("BOR"), NegotiationParty.Nation("DAN"));
        Assert.True(bed.Post("BOR", new NegotiationChannel(ChannelKind.Backchannel, "BOR", "ARC")).IsAccepted);
        Assert.Equal(Audience.ToNations(["ARC", "BOR"]), bed.Harness.Log[^1].Audience);
        Assert.Equal(NegotiationChannel.Backchannel("ARC", "BOR"), bed.State.Messages[^1].Channel); // one name for the pair
        DecisionAssert.Rejected(bed.Post("NEU", NegotiationChannel.Backchannel("ARC", "BOR")), NegotiationRejectionCodes.NotAParty);
        DecisionAssert.Rejected(bed.Post("DAN", NegotiationChannel.Backchannel("ARC", "BOR")), NegotiationRejectionCodes.NotAParty);
        DecisionAssert.Rejected(bed.Post("ARC", NegotiationChannel.Backchannel("ARC", "ARC")), NegotiationRejectionCodes.NotAParty);
    }

    [Fact]
    public void Message_ids_are_unique_and_messages_need_words()
    {
        var bed = NegotiationBed.Bargaining();
        bed.Post("ARC", NegotiationChannel.Plenary, id: "m1");
        Assert.Equal("messageId", DecisionAssert.Rejected(bed.Post("BOR", NegotiationChannel.Plenary, id: "m1"), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("text", DecisionAssert.Rejected(bed.Post("BOR", NegotiationChannel.Plenary, text: "  ", id: "m2"), RejectionCodes.InvalidArgument).Field);
    }

    // ---- The single negotiating text ---------------------------------------------------------------------------

    [Fact]
    public void The_first_text_opens_drafting_and_amendments_record_which_clause_changed()
    {
        var bed = NegotiationBed.Bargaining();
        Assert.True(bed.Propose("NEU", 0, clauses: [NegotiationBed.Ceasefire, new HumanitarianCorridorClause("corridor", "BOR")]).IsAccepted);
        Assert.Equal(NegotiationPhase.Drafting, bed.State.Phase);
        Assert.True(bed.Propose("BOR", 1, clauses: [NegotiationBed.Ceasefire, new WithdrawalLineClause("line", "ARC", "BOR")]).IsAccepted);
        var v2 = bed.State.Versions[^1];
        Assert.Equal(2, v2.Number);
        Assert.Equal("BOR", v2.Author);
        Assert.Equal(
            [("line", ClauseChangeKind.Added), ("corridor", ClauseChangeKind.Removed)],
            v2.Changes.Select(c => (c.ClauseId, c.Change)));
        Assert.True(bed.Propose("ARC", 2, clauses: [NegotiationBed.Ceasefire, new WithdrawalLineClause("line", "ARC", "DAN")]).IsAccepted);
        var changed = Assert.Single(bed.State.Versions[^1].Changes);
        Assert.Equal(ClauseChangeKind.Changed, changed.Change);
        Assert.Contains("BOR", changed.Before, StringComparison.Ordinal);
        Assert.Contains("DAN", changed.After, StringComparison.Ordinal);
    }

    [Fact]
    public void Acting_on_a_superseded_version_is_refused_naming_the_current_one()
    {
        var bed = NegotiationBed.Drafting();
        bed.Propose("BOR", 1, clauses: [NegotiationBed.Ceasefire, new PrisonerExchangeClause("pows", ["ARC", "BOR"])]);
        var stale = DecisionAssert.Rejected(bed.Propose("ARC", 1, clauses: NegotiationBed.Ceasefire), NegotiationRejectionCodes.SupersededVersion);
        Assert.Equal("basedOn", stale.Field);
        Assert.Equal("version 2", stale.Allowed);
        Assert.Contains("current text is version 2", stale.Message, StringComparison.Ordinal);
        var staleSignature = DecisionAssert.Rejected(bed.Sign("ARC", 1), NegotiationRejectionCodes.SupersededVersion);
        Assert.Equal("version", staleSignature.Field);
        Assert.Equal("version 2", staleSignature.Allowed);
        DecisionAssert.Rejected(bed.Sign("ARC", 7), NegotiationRejectionCodes.SupersededVersion);
    }

    [Fact]
    public void Clause_parameters_must_be_checkable_and_bind_only_parties()
    {
        var bed = NegotiationBed.Bargaining();
        Assert.Equal("clauses[0].nations", DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: new CeasefireClause("c", ["ARC", "CAL"])), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("clauses[0].host", DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: new PeacekeepingDeploymentClause("pk", "ZZZ")), RejectionCodes.NotFound).Field);
        Assert.Equal("clauses[1].id", DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: [NegotiationBed.Ceasefire, NegotiationBed.Ceasefire]), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("clauses[0].withinTurns", DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: new SanctionsReliefClause("s", "ARC", "BOR", 0)), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("clauses[0].from", DecisionAssert.Rejected(bed.Propose("ARC", 0, clauses: new WithdrawalLineClause("w", "ARC", "ARC")), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("clauses", DecisionAssert.Rejected(bed.Propose("ARC", 0), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("durationTurns", DecisionAssert.Rejected(bed.Propose("ARC", 0, duration: 0, clauses: NegotiationBed.Ceasefire), RejectionCodes.InvalidArgument).Field);
        DecisionAssert.Rejected(bed.Propose("DAN", 0, clauses: NegotiationBed.Ceasefire), NegotiationRejectionCodes.NotAParty);
    }

    // ---- Signature and force ------------------------------------------------------------------------------------

    [Fact]
    public void Signing_the_same_version_brings_the_agreement_into_force_as_public_news_that_moves_relations()
    {
        var bed = NegotiationBed.Drafting();
        Assert.True(bed.Sign("ARC", 1).IsAccepted);
        Assert.Equal(NegotiationPhase.Signature, bed.State.Phase);
        DecisionAssert.Rejected(bed.Sign("ARC", 1), NegotiationRejectionCodes.AlreadyRecorded);
        Assert.True(bed.Sign("BOR", 1).IsAccepted);
        Assert.Equal(NegotiationPhase.InForce, bed.State.Phase);
        Assert.Equal(1, bed.State.InForceVersion);

        var inForce = Assert.Single(bed.Harness.Events<AgreementEnteredIntoForce>());
        Assert.Equal(Audience.Public, bed.Harness.Log.Single(e => e.Event is AgreementEnteredIntoForce).Audience);
        var arc = inForce.Effects.Single(d => d.Nation == "ARC").Relations["BOR"];
        Assert.Equal((NegotiationEffects.ForceTrust, NegotiationEffects.ForceTension), (arc.Trust, arc.Tension));
        Assert.Contains(inForce.Effects, d => d.Nation == "BOR" && d.Relations.ContainsKey("ARC"));
        Assert.DoesNotContain(inForce.Effects, d => d.Nation == "NEU"); // the mediator is not bound
        Assert.Single(bed.Harness.Events<NewsPublished>());
        Assert.Equal(2, bed.State.Outbox.Count); // one change per party nation, to be delivered
    }

    [Fact]
    public void Secret_talks_enter_into_force_without_news()
    {
        var bed = NegotiationBed.Bargaining(secret: true);
        bed.Propose("NEU", 0, clauses: NegotiationBed.Ceasefire);
        bed.Sign("ARC", 1);
        bed.Sign("BOR", 1);
        Assert.Equal(NegotiationPhase.InForce, bed.State.Phase);
        Assert.Empty(bed.Harness.Events<NewsPublished>());
        Assert.DoesNotContain(bed.Harness.Log, e => e.Audience == Audience.Public);
    }

    [Fact]
    public void Signatures_of_different_versions_never_bring_an_agreement_into_force()
    {
        var bed = NegotiationBed.Drafting();
        bed.Sign("ARC", 1);
        bed.Propose("BOR", 1, clauses: [NegotiationBed.Ceasefire, new HumanitarianCorridorClause("corridor", "BOR")]);
        Assert.Equal(NegotiationPhase.Drafting, bed.State.Phase); // ARC's signature is on a superseded version
        bed.Sign("BOR", 2);
        Assert.Equal(NegotiationPhase.Signature, bed.State.Phase);
        Assert.Empty(bed.Harness.Events<AgreementEnteredIntoForce>());
        bed.Sign("ARC", 2);
        Assert.Equal(2, bed.State.InForceVersion);
    }

    [Fact]
    public void The_mediator_tables_texts_but_never_signs()
    {
        var bed = NegotiationBed.Drafting();
        DecisionAssert.Rejected(bed.Sign("ARC", 1, @as: "NEU"), NegotiationRejectionCodes.NotAParty);
        DecisionAssert.Rejected(bed.Sign("NEU", 1), NegotiationRejectionCodes.NotAParty);
    }

    [Fact]
    public void An_alliance_signs_only_under_a_passed_decision_of_the_alliance()
    {
        var bed = NegotiationBed.Bargaining("NEU", false, NegotiationParty.Nation("ARC"), NegotiationBed.Pact);
        bed.Propose("NEU", 0, clauses: new CeasefireClause("ceasefire", ["ARC", "BOR"]));
        var subject = SignAgreementProposal.SubjectFor("talks", 1);

        var missing = DecisionAssert.Rejected(bed.Sign("PACT", 1, @as: "BOR"), NegotiationRejectionCodes.NotAuthorised);
        Assert.Equal("party", missing.Field);
        var refused = DecisionAssert.Rejected(
            bed.Sign("PACT", 1, new SignatureContext(NegotiationBed.Refused("PACT", "BOR", DecisionKind.SignAgreement, subject), []), @as: "BOR"),
            NegotiationRejectionCodes.NotAuthorised);
        Assert.Contains("no passed signAgreement decision", refused.Message, StringComparison.Ordinal);

        Assert.True(bed.Sign("PACT", 1, new SignatureContext(NegotiationBed.Granted("PACT", "BOR", DecisionKind.SignAgreement, subject), []), @as: "BOR").IsAccepted);
        Assert.Equal("d1", bed.State.Signatures["PACT"].DecisionId);
        bed.Sign("ARC", 1);
        Assert.Equal(NegotiationPhase.InForce, bed.State.Phase);
        // The alliance's members all regard the other party better, and it regards them better.
        var effects = Assert.Single(bed.Harness.Events<AgreementEnteredIntoForce>()).Effects;
        Assert.Equal(["ARC", "BOR", "CAL"], effects.Select(d => d.Nation));
    }

    [Fact]
    public void A_peacekeeping_clause_without_a_mandate_is_refused_naming_the_clause()
    {
        var clause = new PeacekeepingDeploymentClause("blue-helmets", "BOR", "PACT");
        var bed = NegotiationBed.Drafting(null, NegotiationBed.Ceasefire, clause);
        var refused = DecisionAssert.Rejected(bed.Sign("ARC", 1), NegotiationRejectionCodes.NoMandate);
        Assert.Contains("blue-helmets", refused.Message, StringComparison.Ordinal);
        Assert.Equal("a passed jointDeployment decision of PACT for BOR, or a mandate ruling by exercise control", refused.Allowed);

        var mandated = new SignatureContext(null, new Dictionary<string, Authorisation>
        {
            ["blue-helmets"] = NegotiationBed.Granted("PACT", "BOR", DecisionKind.JointDeployment, "BOR"),
        }.ToImmutableDictionary());
        Assert.True(bed.Sign("ARC", 1, mandated).IsAccepted);
    }

    [Fact]
    public void Exercise_control_can_give_a_peacekeeping_deployment_its_mandate_with_a_reason()
    {
        var bed = NegotiationBed.Drafting(null, NegotiationBed.Ceasefire, new PeacekeepingDeploymentClause("pk", "BOR"));
        DecisionAssert.Rejected(bed.Harness.Do(s => NegotiationRules.RuleMandate(s, Participant.Team("ARC"), new RuleMandate("BOR", "Because."), bed.Now)), RejectionCodes.Forbidden);
        Assert.Equal("reason", DecisionAssert.Rejected(bed.Harness.Do(s => NegotiationRules.RuleMandate(s, Participant.Facilitator, new RuleMandate("BOR", ""), bed.Now)), RejectionCodes.InvalidArgument).Field);
        bed.Harness.Accept(s => NegotiationRules.RuleMandate(s, Participant.Facilitator, new RuleMandate("BOR", "UN Security Council resolution."), bed.Now));
        Assert.True(bed.Sign("ARC", 1).IsAccepted);
    }

    [Fact]
    public void Exercise_control_or_the_mediator_concludes_an_agreement_in_force()
    {
        var bed = NegotiationBed.InForce();
        DecisionAssert.Rejected(bed.Harness.Do(s => NegotiationRules.Conclude(s, Participant.Team("ARC"), new ConcludeAgreement("Done.", "ARC"), bed.Now)), RejectionCodes.Forbidden);
        Assert.True(bed.Harness.Do(s => NegotiationRules.Conclude(s, Participant.Team("NEU"), new ConcludeAgreement("Troops are home.", "NEU"), bed.Now)).IsAccepted);
        Assert.Equal(NegotiationPhase.Concluded, bed.State.Phase);
    }
}
