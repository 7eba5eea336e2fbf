using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using Orleans.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CrisisGrid.Grains.Tests.Engine;

/// <summary>What survives a restart: state rebuilt from the log, deadlines that fell while down, unfinished work.</summary>
public sealed class RestartTests : EngineTest
{
    private async Task Restart() => Driver.Silo = await Driver.Silo.RestartAsync();

    private static ScenarioDefinition WithDeadlines() => EngineDriver.Sample("small-test") is var s
        ? s with { Clock = s.Clock with { Deadlines = new PhaseDeadlines(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), null) } }
        : throw new InvalidOperationException();

    [Fact]
    public async Task A_restart_rebuilds_exactly_the_state_that_was_acknowledged()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new ImposeSanctions("BOR")));
        EngineDriver.Accepted(await Driver.Order("BOR", new CyberOperation("ARD")));
        await Driver.AdvanceTo(2, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("ARD", new PublicStatement(StatementTone.Firm, "We will not yield.")));
        var before = await Driver.LiveState();

        await Restart();

        Assert.Equal(before, await Driver.LiveState());
        var ardenia = await Driver.Nation("ARD").GetState();
        Assert.Single(ardenia.Orders); // the order given before the restart is still there
        Assert.Equal(4 - 1, ardenia.ActionPoints);
    }

    [Fact]
    public async Task A_phase_deadline_advances_the_clock_by_itself()
    {
        await Driver.Create(WithDeadlines());
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        Driver.Silo.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.Equal(TurnPhase.Planning, (await Driver.Exercise.GetState()).Phase);
        Driver.Silo.Time.Advance(TimeSpan.FromTicks(1));
        await Eventually.True(async () => (await Driver.Exercise.GetState()).Phase == TurnPhase.Orders, "the planning deadline to open the orders phase");
    }

    [Fact]
    public async Task A_deadline_that_falls_while_the_process_is_down_fires_after_restart()
    {
        await Driver.Create(WithDeadlines());
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.Advance(); // orders phase, deadline in 15 minutes
        EngineDriver.Accepted(await Driver.Order("ARD", new Mobilise()));
        await Driver.Silo.DisposeAsync();

        Driver.Silo.Time.Advance(TimeSpan.FromHours(3)); // nothing is running while the clock moves
        Driver.Silo = await TestSilo.StartAsync(Driver.Silo.DatabasePath, Driver.Silo.Time);

        // Nobody calls the exercise: its durable reminder survived the restart and wakes it (delivered here as Orleans'
        // reminder service would: that service runs on the real clock, which the test does not move); the orders
        // close and the turn is adjudicated.
        var reminder = Assert.Single((await Driver.Silo.Services.GetRequiredService<IReminderTable>().ReadRows(0, 0)).Reminders, r => r.ReminderName == ExerciseGrain.DeadlineReminderName);
        await Driver.Silo.Grains.GetGrain<IRemindable>(reminder.GrainId).ReceiveReminder(reminder.ReminderName, default);
        await Eventually.True(
            async () =>
            {
                var log = await Driver.Silo.Services.GetRequiredService<IEventLog>().ReadExerciseAsync(Driver.ExerciseId);
                return log.Any(e => e.Event is AdjudicationCompleted);
            },
            "the missed orders deadline to adjudicate the turn");
        var state = await Driver.Exercise.GetState();
        Assert.Equal((1, TurnPhase.Results), (state.Turn, state.Phase));
        Assert.Contains("t1-ARD-1", state.Outcomes.Keys);
        Assert.True((await Driver.Nation("ARD").GetState()).Posture.Mobilised);
    }

    [Fact]
    public async Task Changes_recorded_but_not_yet_delivered_before_a_crash_are_delivered_on_activation()
    {
        // As if the process died right after persisting the creation: the log has it, no nation was set up.
        var log = Driver.Silo.Services.GetRequiredService<IEventLog>();
        await log.AppendAsync(Driver.ExerciseId, StreamNames.Exercise, 0, "c0",
            [new PendingEvent(new ExerciseCreated("Crashed", EngineDriver.Sample("small-test"), 1), Audience.Control)]);
        await Restart();

        var state = await Driver.Exercise.GetState(); // activation settles the outbox
        Assert.Empty(state.Outbox);
        Assert.True((await Driver.Nation("DUN").GetState()).Initialized);
    }

    [Fact]
    public async Task An_adjudication_interrupted_by_a_crash_is_completed_on_activation()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("BOR", new Mobilise()));

        // As if the process died right after recording the move into adjudication.
        var log = Driver.Silo.Services.GetRequiredService<IEventLog>();
        var version = (await log.ReadStreamAsync(Driver.ExerciseId, StreamNames.Exercise)).Count;
        await log.AppendAsync(Driver.ExerciseId, StreamNames.Exercise, version, "crash",
            [new PendingEvent(new PhaseChanged(1, TurnPhase.Adjudication, null), Audience.Public)]);
        await Restart();

        var state = await Driver.Exercise.GetState();
        Assert.Equal((1, TurnPhase.Results), (state.Turn, state.Phase));
        Assert.Equal(["t1-BOR-1"], state.Outcomes.Keys);
        Assert.True((await Driver.Nation("BOR").GetState()).Posture.Mobilised);
    }
}
