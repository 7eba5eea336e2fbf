using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Nations;

/// <summary>A nation: thin on purpose — it loads its stream, asks <see cref="NationRules"/>, persists and publishes.</summary>
public sealed class NationGrain(IEventLog log, TimeProvider time, ILogger<NationGrain> logger)
    : EventSourcedGrain<NationState>(log, time, logger), INationGrain
{
    private (string ExerciseId, string Code)? _key;

    private (string ExerciseId, string Code) Key => _key ??= GrainKeys.Split(this.GetPrimaryKeyString());

    protected override string ExerciseId => Key.ExerciseId;

    protected override string Stream => StreamNames.Nation(Key.Code);

    protected override NationState InitialState() => NationState.Empty(Key.Code);

    protected override NationState Evolve(NationState state, RecordedEvent recorded) => NationEvolve.Apply(state, recorded.Event);

    public Task<CommandResult> Initialize(CommandContext command, InitializeNation initialize) =>
        Execute(command, s => NationRules.Initialize(s, command.Actor, initialize));

    public Task<CommandResult> OpenOrders(CommandContext command, OpenOrders open) =>
        Execute(command, s => NationRules.OpenOrders(s, command.Actor, open));

    public Task<CommandResult> SubmitOrder(CommandContext command, SubmitOrder order) =>
        Execute(command, s => NationRules.Submit(s, command.Actor, order));

    public Task<CommandResult> WithdrawOrder(CommandContext command, WithdrawOrder withdraw) =>
        Execute(command, s => NationRules.Withdraw(s, command.Actor, withdraw));

    public async Task<ClosedOrders> CloseOrders(CommandContext command, int turn)
    {
        var result = await Execute(command, s => NationRules.Close(s, command.Actor, turn));
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"Closing the orders of {Key.Code}: {result.Rejection}");
        }

        return new ClosedOrders(turn, State, State.OrdersTurn == turn ? [.. State.Orders] : []);
    }

    public Task<CommandResult> ApplyChange(CommandContext command, ApplyNationChange change) =>
        Execute(command, s => NationRules.ApplyChange(s, command.Actor, change));

    public Task<NationState> GetState() => Task.FromResult(State);

    public Task<NationView> GetView(Participant viewer) => Task.FromResult(NationViews.For(State, viewer));
}
