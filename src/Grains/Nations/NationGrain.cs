using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Nations;

/// <summary>
/// A nation: thin on purpose — it loads its stream, asks <see cref="NationRules"/>, persists and publishes. For an
/// order in an alliance's name it first asks the alliance for an authorisation (nation → alliance is the only
/// direction of that call: the alliance never calls a nation, so the two cannot deadlock).
/// </summary>
public sealed class NationGrain(IEventLog log, RulesClock time, ILogger<NationGrain> logger)
    : ExerciseScopedGrain<NationState>(log, time, logger), INationGrain
{
    protected override string Stream => StreamNames.Nation(Code);

    protected override NationState InitialState() => NationState.Empty(Code);

    protected override NationState Evolve(NationState state, RecordedEvent recorded) => NationEvolve.Apply(state, recorded.Event);

    public Task<CommandResult> Initialize(CommandContext command, InitializeNation initialize) =>
        Execute(command, s => NationRules.Initialize(s, command.Actor, initialize));

    public Task<CommandResult> OpenOrders(CommandContext command, OpenOrders open) =>
        Execute(command, s => NationRules.OpenOrders(s, command.Actor, open));

    public async Task<CommandResult> SubmitOrder(CommandContext command, SubmitOrder order)
    {
        if (order.Action is not IAllianceFlagged flagged || !NationRules.IsAllianceCode(flagged.Alliance))
        {
            return await Execute(command, s => NationRules.Submit(s, command.Actor, order));
        }

        var alliance = GrainFactory.GetGrain<IAllianceGrain>(GrainKeys.Scoped(ExerciseId, flagged.Alliance));
        var authorisation = await alliance.Authorise(Code, flagged.DecisionKind, flagged.Subject);
        // A refusal changes nothing anywhere: the alliance is asked, never told (see docs/alliances.md).
        return await Execute(command, s => NationRules.Submit(s, command.Actor, order, authorisation));
    }

    public Task<CommandResult> WithdrawOrder(CommandContext command, WithdrawOrder withdraw) =>
        Execute(command, s => NationRules.Withdraw(s, command.Actor, withdraw));

    public Task<CommandResult> SpendActionPoints(CommandContext command, SpendActionPoints spend) =>
        Execute(command, s => NationRules.Spend(s, command.Actor, spend));

    public async Task<ClosedOrders> CloseOrders(CommandContext command, int turn)
    {
        var result = await Execute(command, s => NationRules.Close(s, command.Actor, turn));
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"Closing the orders of {Code}: {result.Rejection}");
        }

        return new ClosedOrders(turn, State, State.OrdersTurn == turn ? [.. State.Orders] : []);
    }

    public Task<CommandResult> ApplyChange(CommandContext command, ApplyNationChange change) =>
        Execute(command, s => NationRules.ApplyChange(s, command.Actor, change));

    public Task<NationState> GetState() => Task.FromResult(State);

    public Task<NationView> GetView(Participant viewer) => Task.FromResult(NationViews.For(State, viewer));
}
