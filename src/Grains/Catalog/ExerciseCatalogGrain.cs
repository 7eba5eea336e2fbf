using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Catalog;

public sealed class ExerciseCatalogGrain(IEventLog log, RulesClock time, ILogger<ExerciseCatalogGrain> logger)
    : EventSourcedGrain<ImmutableSortedDictionary<string, ExerciseEntry>>(log, time, logger), IExerciseCatalogGrain
{
    protected override string ExerciseId => ExerciseCatalog.LogId;

    protected override string Stream => "catalog";

    protected override bool PublishesToFeed => false;

    protected override ImmutableSortedDictionary<string, ExerciseEntry> InitialState() =>
        ImmutableSortedDictionary<string, ExerciseEntry>.Empty.WithComparers(StringComparer.Ordinal);

    protected override ImmutableSortedDictionary<string, ExerciseEntry> Evolve(ImmutableSortedDictionary<string, ExerciseEntry> state, RecordedEvent recorded) =>
        recorded.Event switch
        {
            ExerciseListed e => state.SetItem(e.ExerciseId, new ExerciseEntry(e.ExerciseId, e.Name, e.ScenarioId, e.ScenarioTitle, e.CreatedAt, ExerciseStatus.Draft, 0, TurnPhase.Planning)),
            ExerciseStatusChanged e when state.TryGetValue(e.ExerciseId, out var entry) =>
                state.SetItem(e.ExerciseId, entry with { Status = e.Status, Turn = e.Turn, Phase = e.Phase }),
            _ => state,
        };

    public async Task List(ExerciseEntry entry)
    {
        if (!State.ContainsKey(entry.ExerciseId))
        {
            await Record([new(new ExerciseListed(entry.ExerciseId, entry.Name, entry.ScenarioId, entry.ScenarioTitle, entry.CreatedAt), Audience.Public)], null);
        }
    }

    public async Task UpdateStatus(string exerciseId, ExerciseStatus status, int turn, TurnPhase phase)
    {
        if (State.TryGetValue(exerciseId, out var entry) && (entry.Status, entry.Turn, entry.Phase) != (status, turn, phase))
        {
            await Record([new(new ExerciseStatusChanged(exerciseId, status, turn, phase), Audience.Public)], null);
        }
    }

    public Task<ImmutableArray<ExerciseEntry>> GetEntries() =>
        Task.FromResult(State.Values.OrderByDescending(e => e.CreatedAt).ThenBy(e => e.ExerciseId, StringComparer.Ordinal).ToImmutableArray());
}
