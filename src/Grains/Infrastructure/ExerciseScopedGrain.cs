using CrisisGrid.Grains.Events;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Infrastructure;

/// <summary>An event-sourced grain that lives inside one exercise, keyed "{exerciseId}/{code}" (nations, alliances).</summary>
public abstract class ExerciseScopedGrain<TState>(IEventLog log, RulesClock time, ILogger logger)
    : EventSourcedGrain<TState>(log, time, logger)
    where TState : class
{
    private (string ExerciseId, string Code)? _key;

    /// <summary>The nation or alliance code part of the key.</summary>
    protected string Code => Key.Code;

    protected override string ExerciseId => Key.ExerciseId;

    private (string ExerciseId, string Code) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());
}
