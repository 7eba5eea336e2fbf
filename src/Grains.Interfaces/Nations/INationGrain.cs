using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Nations;

/// <summary>One nation in one exercise. Key: "{exerciseId}/{nationCode}".</summary>
[Alias("Nations.INationGrain")]
public interface INationGrain : IGrainWithStringKey
{
    Task<CommandResult> Initialize(CommandContext command, InitializeNation initialize);

    Task<CommandResult> OpenOrders(CommandContext command, OpenOrders open);

    Task<CommandResult> SubmitOrder(CommandContext command, SubmitOrder order);

    Task<CommandResult> WithdrawOrder(CommandContext command, WithdrawOrder withdraw);

    /// <summary>Spends action points of the open turn on something other than an order (the exercise asks, when a team convenes talks).</summary>
    Task<CommandResult> SpendActionPoints(CommandContext command, SpendActionPoints spend);

    /// <summary>Closes the orders of <paramref name="turn"/> (idempotent) and hands them to adjudication.</summary>
    Task<ClosedOrders> CloseOrders(CommandContext command, int turn);

    Task<CommandResult> ApplyChange(CommandContext command, ApplyNationChange change);

    /// <summary>The full state, for exercise control and for grains of the same exercise.</summary>
    Task<NationState> GetState();

    /// <summary>What <paramref name="viewer"/> may see of this nation.</summary>
    Task<NationView> GetView(Participant viewer);
}
