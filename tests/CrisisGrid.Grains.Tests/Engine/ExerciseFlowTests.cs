using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.News;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>The small sample scenario played through the real grains, host and SQLite log.</summary>
public sealed class ExerciseFlowTests : EngineTest
{
    [Fact]
    public async Task Creating_sets_up_every_nation_and_alliance_of_the_scenario()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        foreach (var code in new[] { "ARD", "BOR", "CAL", "DUN" })
        {
            Assert.True((await Driver.Nation(code).GetState()).Initialized, code);
        }

        var snapshot = await Driver.Feed.GetSnapshot(Participant.Facilitator);
        Assert.Equal(["NCP"], snapshot.Alliances.Select(a => a.Code));
        Assert.Equal(ExerciseStatus.Draft, snapshot.Exercise.Status);
        Assert.Empty((await Driver.Exercise.GetState()).Outbox);
    }

    [Fact]
    public async Task A_turn_of_orders_is_adjudicated_and_every_nation_receives_its_effects()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        var borEconomy = (await Driver.Nation("BOR").GetState()).Indices.Economy;

        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        EngineDriver.Accepted(await Driver.Order("BOR", new Mobilise()));
        var advance = await Driver.Advance();

        var exercise = await Driver.Exercise.GetState();
        Assert.Equal((1, TurnPhase.Results), (exercise.Turn, exercise.Phase));
        Assert.Equal(["t1-ARD-1", "t1-BOR-1"], exercise.Outcomes.Keys);
        Assert.Empty(exercise.Outbox);
        var bor = await Driver.Nation("BOR").GetState();
        Assert.InRange(borEconomy - bor.Indices.Economy, 4 + 3, 9 + 3); // sanctions bite plus its own mobilisation cost
        Assert.True(bor.Posture.Mobilised);
        Assert.Contains("BOR", (await Driver.Nation("ARD").GetState()).Sanctioning);

        // The command is answered only once everything it caused is in the log.
        var log = await Driver.Log();
        Assert.Equal(log[^1].Sequence, advance.LastSequence);
        Assert.Contains(log, e => e.Event is NewsPublished n && n.Source == "adjudication");
    }

    [Fact]
    public async Task A_team_that_gives_no_orders_holds_and_the_exercise_records_it()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new Hold()));
        await Driver.Advance();

        var missed = (await Driver.Log()).Select(e => e.Event).OfType<OrdersMissed>().ToList();
        Assert.Equal(["BOR"], missed.Select(m => m.Nation));
        Assert.Equal("borovia", missed[0].TeamId);
    }

    [Fact]
    public async Task Scheduled_and_conditional_injects_fire_and_an_armed_attack_reaches_the_victims_alliance()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(2, TurnPhase.Planning);
        var released = (await Driver.Exercise.GetState()).ReleasedInjects;
        Assert.Equal(["border-incident"], released);

        // Tension is above 55 after the border incident, but the armed attack also waits for turn 3.
        Assert.DoesNotContain("armed-attack", released);
        await Driver.AdvanceTo(2, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        await Driver.AdvanceTo(3, TurnPhase.Planning);

        var state = await Driver.Exercise.GetState();
        Assert.Equal(["armed-attack", "border-incident", "cyber-attack", "refugee-flow"], state.ReleasedInjects);
        var alliance = (await Driver.Feed.GetSnapshot(Participant.Facilitator)).Alliances.Single();
        Assert.Equal("ARD", Assert.Single(alliance.Member!.Attacks).Victim);
        Assert.Equal(70 - 10, (await Driver.Nation("ARD").GetState()).Indices.DomesticStability); // the attack's effect
        Assert.Equal(75 - 5, (await Driver.Nation("CAL").GetState()).Indices.DomesticStability); // the refugee flow it released
    }

    [Fact]
    public async Task Fog_of_war_a_team_sees_its_own_nation_in_full_and_only_the_public_part_of_others()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("BOR", new CyberOperation("ARD")));

        var ardenia = await Driver.Feed.GetSnapshot(Participant.Team("ARD"));
        Assert.NotNull(ardenia.Nations.Single(n => n.Code == "ARD").Private);
        Assert.All(ardenia.Nations.Where(n => n.Code != "ARD"), n => Assert.Null(n.Private));
        Assert.Null(ardenia.Exercise.Control);
        Assert.All(ardenia.Recent, e => Assert.True(e.Audience.Allows(Participant.Team("ARD"))));
        Assert.DoesNotContain(ardenia.Recent, e => e.Event is OrderSubmitted);

        var observer = await Driver.Feed.GetSnapshot(Participant.Observer);
        Assert.All(observer.Nations, n => Assert.Null(n.Private));
        Assert.All(observer.Recent, e => Assert.Equal(AudienceKind.Public, e.Audience.Kind));
        Assert.All(observer.Alliances, a => Assert.Null(a.Member));

        var control = await Driver.Feed.GetSnapshot(Participant.Facilitator);
        Assert.All(control.Nations, n => Assert.NotNull(n.Private));
        Assert.NotNull(control.Exercise.Control);
    }

    [Fact]
    public async Task A_retried_command_is_applied_once_and_answered_with_its_first_outcome()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        var command = Driver.Control();
        var first = await Driver.Exercise.Start(command);
        var retry = await Driver.Exercise.Start(command);

        Assert.True(retry.Accepted);
        Assert.True(retry.Duplicate);
        Assert.Equal(first.FirstSequence, retry.FirstSequence);
        Assert.Single((await Driver.Log()).Select(e => e.Event).OfType<ExerciseStarted>());
    }

    [Fact]
    public async Task Facilitator_override_changes_the_nations_by_the_difference()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        var trustBefore = (await Driver.Nation("CAL").GetState()).Relations["ARD"].Trust;
        EngineDriver.Accepted(await Driver.Order("ARD", new HumanitarianAid("CAL")));
        await Driver.Advance();
        var before = (await Driver.Nation("CAL").GetState()).Indices.DomesticStability;
        var original = (await Driver.Exercise.GetState()).Outcomes["t1-ARD-1"].Effects.Single(e => e.Delta.Nation == "CAL").Delta;

        var replacement = NationDelta.None("CAL").AddIndex(NationIndex.DomesticStability, 10);
        EngineDriver.Accepted(await Driver.Exercise.OverrideOutcome(Driver.Control(), new OverrideOutcome("t1-ARD-1", [replacement], "Aid arrived faster")));

        var cal = await Driver.Nation("CAL").GetState();
        Assert.Equal(before - original.Indices[NationIndex.DomesticStability] + 10, cal.Indices.DomesticStability);
        Assert.Equal(6, original.Relations["ARD"].Trust);
        Assert.Equal(trustBefore, cal.Relations["ARD"].Trust); // the replacement has no relation change: the +6 is undone
    }

    [Fact]
    public async Task Rejected_commands_write_nothing()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        var before = (await Driver.Log()).Count;
        var pause = await Driver.Exercise.Pause(Driver.Control());
        var order = await Driver.Order("ARD", new Mobilise());
        var forbidden = await Driver.Exercise.Start(Driver.Command(Participant.Team("ARD")));

        Assert.Equal(RejectionCodes.InvalidState, pause.Rejection!.Code);
        Assert.Equal(RejectionCodes.InvalidState, order.Rejection!.Code);
        Assert.Equal(RejectionCodes.Forbidden, forbidden.Rejection!.Code);
        Assert.Equal(before, (await Driver.Log()).Count);
    }
}
