using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Alliances;

public sealed class AllianceGrain(IEventLog log, TimeProvider time, ILogger<AllianceGrain> logger)
    : EventSourcedGrain<AllianceState>(log, time, logger), IAllianceGrain
{
    private (string ExerciseId, string Code)? _key;

    private (string ExerciseId, string Code) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    protected override string ExerciseId => Key.ExerciseId;

    protected override string Stream => StreamNames.Alliance(Key.Code);

    protected override AllianceState InitialState() => AllianceState.Empty(Key.Code);

    protected override AllianceState Evolve(AllianceState state, RecordedEvent recorded) => AllianceEvolve.Apply(state, recorded.Event);

    public Task<CommandResult> Initialize(CommandContext command, InitializeAlliance initialize) =>
        Execute(command, s => AllianceRules.Initialize(s, command.Actor, initialize));

    public Task<CommandResult> RecordArmedAttack(CommandContext command, RecordArmedAttack attack) =>
        Execute(command, s => AllianceRules.RecordArmedAttack(s, command.Actor, attack));
}
