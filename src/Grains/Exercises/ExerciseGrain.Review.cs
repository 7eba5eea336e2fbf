using CrisisGrid.Grains.Catalog;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Review;

namespace CrisisGrid.Grains.Exercises;

/// <summary>The after-action review's commands: revealing the archive to teams, and forking at event N.</summary>
public sealed partial class ExerciseGrain
{
    public Task<CommandResult> RevealArchive(CommandContext command) => Run(command, s => ReviewRules.RevealArchive(s, command.Actor));

    public async Task<CommandResult> Fork(CommandContext command, ForkExercise fork)
    {
        if (ReviewRules.CheckFork(State, command.Actor, fork, await Log.GetLastSequenceAsync(ExerciseId)) is { } refused)
        {
            return CommandResult.Rejected(refused);
        }

        var name = fork.Name?.Trim() ?? ReviewRules.DefaultForkName(State, fork.AtSequence);
        var seed = fork.Seed ?? State.Seed;
        var created = await GrainFactory.GetGrain<IExerciseGrain>(fork.ForkId)
            .CreateFork(CommandContext.System($"fork/{ExerciseId}/{fork.AtSequence}"), new CreateFork(ExerciseId, fork.AtSequence, name, seed));
        if (!created.Accepted)
        {
            return created;
        }

        var recorded = await Run(command, _ => Decision.Accept(new PendingEvent(new ExerciseForked(fork.ForkId, name, fork.AtSequence, seed), Audience.Control)));
        return recorded with { Output = fork.ForkId };
    }

    public async Task<CommandResult> CreateFork(CommandContext command, CreateFork fork)
    {
        if (!command.Actor.IsControl)
        {
            return CommandResult.Rejected(new(RejectionCodes.Forbidden, "Only exercise control can fork an exercise."));
        }

        if (State.Status != ExerciseStatus.NotCreated || await Log.GetLastSequenceAsync(ExerciseId) > 0)
        {
            return CommandResult.Rejected(new(RejectionCodes.InvalidState, $"Exercise {ExerciseId} already exists; a fork needs a new id.", "forkId", "an id no exercise has"));
        }

        await ForkHistory.Copy(Log, fork.SourceExerciseId, ExerciseId, fork.AtSequence);
        await Reload();

        // Not Run: a deadline of the original that had passed must not fire before the fork is paused.
        var result = await Execute(command, _ => Decision.Accept(new PendingEvent(new ForkedFrom(fork.SourceExerciseId, fork.AtSequence, fork.Name, fork.Seed), Audience.Public)));
        var scenario = State.World;
        await GrainFactory.GetGrain<IExerciseCatalogGrain>(ExerciseCatalog.Key)
            .List(new ExerciseEntry(ExerciseId, State.Name, scenario.Id, scenario.Title, Now, State.Status, State.Turn, State.Phase));
        await Settle();
        return result;
    }
}
