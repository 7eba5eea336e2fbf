using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace CrisisGrid.Grains.Tests.Cluster;

/// <summary>The grains' guarantees on a real multi-silo Orleans cluster (TestCluster, loopback TCP, one SQLite log).</summary>
public sealed class ClusterRuleTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_phase_deadline_owned_by_a_grain_whose_silo_died_fires_on_a_survivor_at_its_time()
    {
        await using var cluster = await TestSilo.StartAsync(_dir.File("log.db"), TimeProvider.System, silos: 3);
        var victim = cluster.Cluster.SecondarySilos[0];
        cluster.Placement.Silo = victim.SiloAddress; // the exercise starts on the silo that will die
        var driver = new EngineDriver(cluster);
        var sample = EngineDriver.Sample("small-test");
        await driver.Create(sample with { Clock = sample.Clock with { Deadlines = new PhaseDeadlines(TimeSpan.FromSeconds(12), null, null) } });
        EngineDriver.Accepted(await driver.Exercise.Start(driver.Control()));
        var deadline = (await driver.Exercise.GetState()).DeadlineAt!.Value;

        // The exercise grain (its timer and its reminder's owner) is on the silo that dies before the deadline.
        await cluster.ExpectHostedOn(victim, driver.Exercise, () => driver.Exercise.GetState());
        await cluster.Cluster.KillSiloAsync(victim);

        // Nobody calls the exercise: a survivor's reminder service wakes it, and the clock moves on by itself.
        var changed = await Eventually(async () => (await driver.Log()).Select(e => e.Event).OfType<PhaseChanged>().FirstOrDefault(p => p.Phase == TurnPhase.Orders), TimeSpan.FromSeconds(90));
        var recorded = (await driver.Log()).First(e => e.Event == changed);
        Assert.True(recorded.RecordedAt >= deadline, $"advanced at {recorded.RecordedAt:O}, before its deadline {deadline:O}");
        Assert.True(recorded.RecordedAt - deadline < TimeSpan.FromSeconds(75), $"advanced {recorded.RecordedAt - deadline} after its deadline");
    }

    [Fact]
    public async Task A_stale_activations_write_is_refused_by_the_log_and_the_log_never_forks()
    {
        // Two clusters on one database: each holds an activation of nation ARD, as two silos may for a moment while
        // membership is in churn. The one that read the stream first is stale after the other writes.
        var path = _dir.File("log.db");
        await using var first = await TestSilo.StartAsync(path, TimeProvider.System);
        await using var second = await TestSilo.StartAsync(path, TimeProvider.System);
        var one = new EngineDriver(first);
        await one.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await one.Exercise.Start(one.Control()));
        await one.AdvanceTo(1, TurnPhase.Orders);
        var statement = new PublicStatement(StatementTone.Conciliatory, "We seek calm.", "BOR");
        EngineDriver.Accepted(await one.Nation("ARD").SubmitOrder(new("first-1", Participant.Team("ARD")), new SubmitOrder("o1", statement)));

        var other = new EngineDriver(second);
        EngineDriver.Accepted(await other.Nation("ARD").SubmitOrder(new("second-1", Participant.Team("ARD")), new SubmitOrder("o2", statement)));

        // The stale activation's append fails on the stream version; it drops itself, and the retry (same command id)
        // runs on a fresh activation that read both orders.
        var stale = await Assert.ThrowsAnyAsync<Exception>(() => one.Nation("ARD").SubmitOrder(new("first-2", Participant.Team("ARD")), new SubmitOrder("o3", statement)));
        Assert.IsType<EventLogConcurrencyException>(stale.GetBaseException());
        EngineDriver.Accepted(await Eventually(async () =>
        {
            try
            {
                return await one.Nation("ARD").SubmitOrder(new("first-2", Participant.Team("ARD")), new SubmitOrder("o3", statement));
            }
            catch (EventLogConcurrencyException)
            {
                return null;
            }
        }));

        var stream = (await first.Services.GetRequiredService<IEventLog>().ReadStreamAsync(one.ExerciseId, "nation/ARD")).Select(e => e.StreamVersion).ToList();
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream); // one history, no version twice
        Assert.Equal(["o1", "o2", "o3"], (await one.Nation("ARD").GetState()).Orders.Select(o => o.OrderId).Order());
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }

    private static Task<object> Eventually(Func<Task<bool>> probe) => Eventually<object>(async () => await probe() ? new object() : null);
}
