using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Events;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Access;

/// <summary>One per join code (keyed by its hash): remembers which exercise the code opens.</summary>
public sealed class JoinCodeDirectoryGrain(IEventLog log, RulesClock time, ILogger<JoinCodeDirectoryGrain> logger)
    : Infrastructure.EventSourcedGrain<JoinCodeLocation>(log, time, logger), IJoinCodeDirectoryGrain
{
    public const string LogId = "_join-codes";

    protected override string ExerciseId => LogId;

    protected override string Stream => this.GetPrimaryKeyString();

    protected override bool PublishesToFeed => false;

    protected override JoinCodeLocation InitialState() => new(null);

    protected override JoinCodeLocation Evolve(JoinCodeLocation state, RecordedEvent recorded) =>
        recorded.Event is JoinCodeRegistered e ? new(e.ExerciseId) : state;

    public async Task Register(string exerciseId)
    {
        if (State.ExerciseId is null)
        {
            await Record([new PendingEvent(new JoinCodeRegistered(exerciseId), Audience.Control)], null);
        }
    }

    public Task<string?> Resolve() => Task.FromResult(State.ExerciseId);
}
