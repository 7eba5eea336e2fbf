using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>
/// Negotiation sessions through the real grains, host and SQLite log (small-test: ARD and BOR are rivals, DUN and CAL
/// are non-player members of the Northern Compact, NCP).
/// </summary>
public sealed class NegotiationGrainTests : EngineTest
{
    private INegotiationGrain Session(string id) => Driver.Silo.Grains.GetGrain<INegotiationGrain>(GrainKeys.Scoped(Driver.ExerciseId, id));

    private async Task<INegotiationGrain> Convened(params string[] parties) => await ConvenedWith("DUN", parties);

    private async Task<INegotiationGrain> ConvenedWith(string? mediator, params string[] parties)
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Control(), new ConveneNegotiation(new TalksDefinition("lake", "Lake Talks", [.. parties], mediator))));
        return Session("lake");
    }

    private async Task Open(INegotiationGrain talks, params (string Party, string As)[] parties)
    {
        foreach (var (party, nation) in parties)
        {
            EngineDriver.Accepted(await talks.RespondToInvitation(Driver.Command(Actor(nation)), new RespondToInvitation(nation, party, true)));
        }

        foreach (var (party, nation) in parties)
        {
            EngineDriver.Accepted(await talks.MakeOpeningStatement(Driver.Command(Actor(nation)), new MakeOpeningStatement(nation, party, "We seek an end to hostilities.")));
        }
    }

    private static Participant Actor(string nation) => nation is "ARD" or "BOR" ? Participant.Team(nation) : Participant.Facilitator;

    [Fact]
    public async Task The_exercise_convenes_talks_and_the_session_announces_itself()
    {
        var talks = await Convened("ARD", "BOR");
        var state = await talks.GetState();
        Assert.True(state.Initialized);
        Assert.Equal(NegotiationPhase.Convened, state.Phase);
        Assert.Equal(["border-talks", "lake"], (await Driver.Exercise.GetState()).NegotiationIds); // small-test's standing talks, and these
        Assert.Empty((await Driver.Exercise.GetState()).Outbox);
        Assert.NotNull(await talks.GetView(Participant.Observer)); // public talks
    }

    [Fact]
    public async Task A_team_convenes_only_talks_it_takes_part_in()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        var outsider = await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("BOR")), new ConveneNegotiation(new TalksDefinition("x", "Talks", ["ARD", "CAL"]), "BOR"));
        Assert.Equal(NegotiationRejectionCodes.NotAParty, outsider.Rejection?.Code);
        var impostor = await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("BOR")), new ConveneNegotiation(new TalksDefinition("x", "Talks", ["ARD", "BOR"]), "ARD"));
        Assert.Equal(RejectionCodes.Forbidden, impostor.Rejection?.Code);
        var unknown = await Driver.Exercise.ConveneNegotiation(Driver.Control(), new ConveneNegotiation(new TalksDefinition("x", "Talks", ["ARD", "ZZZ"])));
        Assert.Equal(("not-found", "parties[1]"), (unknown.Rejection?.Code, unknown.Rejection?.Field));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders); // a team pays action points to convene, spent in the orders phase
        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Command(Participant.Team("BOR")), new ConveneNegotiation(new TalksDefinition("x", "Talks", ["ARD", "BOR"]), "BOR")));
        Assert.True((await Session("x").GetState()).Initialized);
    }

    [Fact]
    public async Task A_ceasefire_in_force_moves_relations_and_a_cyber_operation_at_adjudication_is_a_breach_costing_the_violator()
    {
        var talks = await Convened("ARD", "BOR");
        await Open(talks, ("ARD", "ARD"), ("BOR", "BOR"));
        EngineDriver.Accepted(await talks.ProposeText(Driver.Control(), new ProposeText("DUN", 0, [new CeasefireClause("ceasefire", ["ARD", "BOR"])])));
        var ardTrust = (await Driver.Nation("ARD").GetState()).RelationWith("BOR").Trust;
        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("ARD")), new SignText("ARD", "ARD", 1)));
        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("BOR")), new SignText("BOR", "BOR", 1)));

        Assert.Equal(NegotiationPhase.InForce, (await talks.GetState()).Phase);
        Assert.Empty((await talks.GetState()).Outbox);
        Assert.Equal(ardTrust + NegotiationEffects.ForceTrust, (await Driver.Nation("ARD").GetState()).RelationWith("BOR").Trust);
        Assert.Contains((await Driver.Log()).Select(e => e.Event), e => e is NewsPublished n && n.Headline.Contains("Lake Talks", StringComparison.Ordinal));

        await Driver.AdvanceTo(1, TurnPhase.Orders);
        var standing = (await Driver.Nation("BOR").GetState()).Indices.InternationalStanding;
        EngineDriver.Accepted(await Driver.Order("BOR", new CyberOperation("ARD")));
        await Driver.Advance(); // orders → adjudication → results

        var session = await talks.GetState();
        var breach = Assert.Single(session.Breaches);
        Assert.Equal(("ceasefire", "BOR"), (breach.ClauseId, breach.Violator));
        Assert.Equal(NegotiationPhase.Breached, session.Phase);
        Assert.Empty(session.Outbox);
        var bor = await Driver.Nation("BOR").GetState();
        Assert.Contains(bor.AppliedCauses, c => c.Contains("/breach/BOR", StringComparison.Ordinal));
        var outcomeStanding = (await Driver.Exercise.GetState()).Outcomes.Values.Single(o => o.Actor == "BOR").Effects
            .Where(e => e.Delta.Nation == "BOR").Sum(e => e.Delta.Indices.GetValueOrDefault(NationIndex.InternationalStanding));
        Assert.Equal(standing + outcomeStanding + NegotiationEffects.BreachStanding, bor.Indices.InternationalStanding);

        var reported = (await Driver.Log()).Single(e => e.Event is BreachReported);
        Assert.Equal(Audience.ToNations(["ARD", "BOR", "DUN"]), reported.Audience);
        Assert.Equal((1, TurnPhase.Results), ((await Driver.Exercise.GetState()).Turn, (await Driver.Exercise.GetState()).Phase));
    }

    [Fact]
    public async Task An_alliance_signs_once_its_charter_passed_a_decision_authorising_it()
    {
        var talks = await ConvenedWith(null, "NCP", "BOR"); // DUN is an NCP member, so it cannot mediate here
        await Open(talks, ("NCP", "ARD"), ("BOR", "BOR"));
        EngineDriver.Accepted(await talks.ProposeText(Driver.Control(), new ProposeText("DUN", 0, [new CeasefireClause("ceasefire", ["ARD", "BOR"])])));

        var refused = await talks.Sign(Driver.Command(Participant.Team("ARD")), new SignText("ARD", "NCP", 1));
        Assert.Equal(NegotiationRejectionCodes.NotAuthorised, refused.Rejection?.Code);
        Assert.Contains("no passed signAgreement decision", refused.Rejection!.Message, StringComparison.Ordinal);

        var ncp = Driver.Alliance("NCP");
        EngineDriver.Accepted(await ncp.TableDraft(Driver.Command(Participant.Team("ARD")), new TableDraft("sign-lake", "ARD", new SignAgreementProposal("lake", 1))));
        foreach (var member in new[] { "ARD", "CAL", "DUN" })
        {
            EngineDriver.Accepted(await ncp.CastVote(Driver.Command(Actor(member)), new CastVote("sign-lake", member, VoteChoice.Yes)));
        }

        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("ARD")), new SignText("ARD", "NCP", 1)));
        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("BOR")), new SignText("BOR", "BOR", 1)));
        var state = await talks.GetState();
        Assert.Equal(NegotiationPhase.InForce, state.Phase);
        Assert.Equal("sign-lake", state.Signatures["NCP"].DecisionId);
    }

    [Fact]
    public async Task A_backchannel_message_reaches_its_two_parties_and_control_only()
    {
        var talks = await Convened("ARD", "BOR");
        await Open(talks, ("ARD", "ARD"), ("BOR", "BOR"));
        EngineDriver.Accepted(await talks.PostMessage(Driver.Command(Participant.Team("BOR")), new PostMessage("BOR", "b1", NegotiationChannel.Backchannel("BOR", "ARD"), "Off the record: we can pull back.")));
        Assert.Single((await talks.GetView(Participant.Team("ARD")))!.Table!.Messages);
        Assert.Single((await talks.GetView(Participant.Facilitator))!.Table!.Messages);
        Assert.Empty((await talks.GetView(Participant.Team("DUN")))!.Table!.Messages); // the mediator is at the table but not in the backchannel
        Assert.Null((await talks.GetView(Participant.Observer))!.Table);
        Assert.Null((await talks.GetView(Participant.Team("CAL")))!.Table);
    }
}
