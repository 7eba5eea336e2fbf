using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// One negotiation session in one exercise; it enforces the session's rules (docs/negotiations.md).
/// Key: "{exerciseId}/{sessionId}".
/// <para>
/// Call graph: the exercise calls the session (set-up, compliance reviews); the session calls alliances (may this
/// alliance sign, is there a mandate) and nations (its outbox of changes). Nations, alliances and sessions never call
/// the exercise, and nothing calls a session back, so there is no cycle.
/// </para>
/// </summary>
[Alias("Negotiations.INegotiationGrain")]
public interface INegotiationGrain : IGrainWithStringKey
{
    /// <summary>Sets the session up (the exercise, through its outbox).</summary>
    Task<CommandResult> Initialize(CommandContext command, InitializeNegotiation initialize);

    Task<CommandResult> RespondToInvitation(CommandContext command, RespondToInvitation respond);

    Task<CommandResult> MakeOpeningStatement(CommandContext command, MakeOpeningStatement statement);

    Task<CommandResult> PostMessage(CommandContext command, PostMessage message);

    Task<CommandResult> ProposeText(CommandContext command, ProposeText proposal);

    /// <summary>A party signs the current version; an alliance party only under a passed decision of the alliance.</summary>
    Task<CommandResult> Sign(CommandContext command, SignText sign);

    Task<CommandResult> WalkOut(CommandContext command, WalkOut walkOut);

    Task<CommandResult> RuleMandate(CommandContext command, RuleMandate ruling);

    Task<CommandResult> RuleBreachUnfounded(CommandContext command, RuleBreachUnfounded ruling);

    Task<CommandResult> Conclude(CommandContext command, ConcludeAgreement conclude);

    /// <summary>
    /// The exercise hands an adjudicated turn to the session (once per turn; a repeat returns the same findings):
    /// breaches and kept measures are recorded and their costs delivered to the nations.
    /// </summary>
    Task<ComplianceReview> ReviewCompliance(CommandContext command, ReviewCompliance review);

    /// <summary>The full state, for exercise control and tests.</summary>
    Task<NegotiationState> GetState();

    /// <summary>What <paramref name="viewer"/> may see of the session; null when the viewer may not know it exists.</summary>
    Task<NegotiationView?> GetView(Participant viewer);
}
