using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>The alliance's log: every event persists and replays, the world projection folds it, views filter it.</summary>
public class AllianceLogAndViewTests
{
    /// <summary>An alliance that went through every feature, so its log holds every kind of alliance event.</summary>
    private static AllianceBed Eventful()
    {
        var bed = CollectiveDefenceTests.Invoked(AllianceBed.Charter((DecisionKind.CollectiveStatement, AllianceBed.Rule(DecisionRuleKind.SilenceProcedure))));
        bed.Respond("EST");
        bed.Request("EST");
        bed.Convene("NOR");
        bed.Position("EST", PositionKind.Statement, text: "We are under attack.");
        bed.Table("NOR", new JointDeploymentProposal("EST", "Narva"), id: "j1");
        bed.Vote("SWE", VoteChoice.Abstain, "j1");
        bed.Table("NOR", new CollectiveStatementProposal("Solidarity."), id: "s1");
        bed.Withdraw("NOR", "s1");
        bed.Table("NOR", new AdmissionProposal("FIN"), id: "a1");
        bed.AllVote(VoteChoice.Yes, "a1", "EST", "NOR", "SWE");
        bed.Table("NOR", new SuspensionProposal("FIN"), id: "x1");
        bed.AllVote(VoteChoice.Yes, "x1", "EST", "NOR", "SWE");
        bed.Pledge("NOR", 4);
        bed.Deliver("NOR", 1);
        bed.Share("EST");
        bed.GiveNotice("SWE");
        bed.Advance(TimeSpan.FromDays(2));
        bed.Settle();
        bed.Table("NOR", new CollectiveStatementProposal("Silence."), id: "q1");
        bed.BreakSilence("EST", id: "q1");
        bed.FollowClock(ExerciseStatus.Paused, turn: 2, phase: TurnPhase.Orders);
        return bed;
    }

    [Fact]
    public void Every_alliance_event_type_has_a_stable_name_and_round_trips_through_the_log_format()
    {
        var bed = Eventful();
        var allianceTypes = typeof(AllianceState).Assembly.GetTypes()
            .Where(t => typeof(DomainEvent).IsAssignableFrom(t) && !t.IsAbstract && t.Namespace == typeof(AllianceState).Namespace)
            .ToList();
        var seen = bed.Harness.Log.Select(e => e.Event.GetType()).ToHashSet();
        Assert.All(allianceTypes, t => Assert.StartsWith("alliance.", EventJson.TypeName(t), StringComparison.Ordinal));
        Assert.All(allianceTypes, t => Assert.Contains(t, seen)); // the scenario above exercises every one

        foreach (var recorded in bed.Harness.Log)
        {
            var payload = EventJson.SerializePayload(recorded.Event);
            var back = EventJson.DeserializePayload(EventJson.TypeName(recorded.Event), payload);
            Assert.Equal(payload, EventJson.SerializePayload(back));
        }

        var replayed = bed.Harness.Log.Select(e => EventJson.DeserializePayload(EventJson.TypeName(e.Event), EventJson.SerializePayload(e.Event)))
            .Aggregate(AllianceState.Empty("NAT"), AllianceEvolve.Apply);
        Assert.Equal(JsonSerializer.Serialize(bed.State, EventJson.Options), JsonSerializer.Serialize(replayed, EventJson.Options));
    }

    [Fact]
    public void Alliance_flagged_orders_serialize_with_their_kind()
    {
        var json = JsonSerializer.Serialize<NationAction>(new JointDeployment("NAT", "EST"), EventJson.Options);
        Assert.Contains("\"kind\":\"jointDeployment\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("decisionKind", json, StringComparison.Ordinal);
        Assert.Equal(new CollectiveStatement("NAT", "Text"), JsonSerializer.Deserialize<NationAction>(
            JsonSerializer.Serialize<NationAction>(new CollectiveStatement("NAT", "Text"), EventJson.Options), EventJson.Options));
    }

    [Fact]
    public void The_world_projection_folds_alliance_streams_to_the_same_state_the_grain_holds()
    {
        var bed = Eventful();
        var world = WorldState.Replay("ex", bed.Harness.Log);
        Assert.Equal(JsonSerializer.Serialize(bed.State, EventJson.Options), JsonSerializer.Serialize(world.Alliances["NAT"], EventJson.Options));
    }

    [Fact]
    public void The_member_view_shows_the_charters_working_and_the_public_view_only_name_type_and_members()
    {
        var bed = Eventful();
        var member = AllianceViews.For(bed.State, Participant.Team("NOR"));
        var view = member.Member!;
        Assert.Equal(bed.State.Charter, view.Charter);
        Assert.NotEmpty(view.Consultations);
        Assert.Contains(view.Drafts, d => d.Votes.Count > 0);
        Assert.NotEmpty(view.CollectiveDefence);
        Assert.NotEmpty(view.Pledges);
        Assert.NotEmpty(view.Intelligence);
        Assert.NotEmpty(view.Attacks);
        Assert.Equal(["FIN"], view.Suspended.AsEnumerable());
        Assert.Equal(AllianceCohesion.Compute(bed.State), view.Cohesion);

        var outsider = AllianceViews.For(bed.State, Participant.Team("RUS"));
        Assert.Equal(("NAT", "Northern Alliance Treaty", AllianceType.Multilateral), (outsider.Code, outsider.Name, outsider.Type));
        Assert.Equal(bed.State.Members.ToArray(), outsider.Members.ToArray());
        Assert.Null(outsider.Member);
        Assert.Null(AllianceViews.For(bed.State, Participant.Team("SWE")).Member); // withdrew: a former member reads nothing
    }

    [Fact]
    public void Snapshots_apply_the_alliance_view_rule_per_viewer()
    {
        var bed = Eventful();
        var world = WorldState.Replay("ex", bed.Harness.Log);
        var forNorway = Snapshots.Build(world, Participant.Team("NOR"), bed.Harness.Log);
        var forRussia = Snapshots.Build(world, Participant.Team("RUS"), bed.Harness.Log);
        Assert.NotNull(Assert.Single(forNorway.Alliances).Member);
        Assert.Null(Assert.Single(forRussia.Alliances).Member);
        Assert.All(forRussia.Recent, e => Assert.Equal(AudienceKind.Public, e.Audience.Kind));
        Assert.Contains(forRussia.Recent, e => e.Event is MemberAdmitted);
    }
}
