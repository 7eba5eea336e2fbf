using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// One alliance in one exercise; it enforces its charter. Key: "{exerciseId}/{allianceCode}".
/// <para>
/// Every command names the acting member explicitly: a team may act only as its own nation, exercise control for any
/// member (it plays the non-player nations). Non-members, suspended members (except where noted) and observers are
/// refused with <c>forbidden</c>. Every command first processes deadlines that fell due, so nothing depends on the
/// reminder being on time. The answer comes after the events are durable.
/// </para>
/// <para>
/// Call graph: the exercise and nations call the alliance; the alliance never calls a nation or the exercise (grains
/// are not reentrant: a cycle would deadlock).
/// </para>
/// </summary>
[Alias("Alliances.IAllianceGrain")]
public interface IAllianceGrain : IGrainWithStringKey
{
    /// <summary>Sets the alliance up from the scenario (exercise control, through the exercise's outbox).</summary>
    Task<CommandResult> Initialize(CommandContext command, InitializeAlliance initialize);

    /// <summary>An armed attack happened; if the victim is a member, the alliance puts it on record (exercise control).</summary>
    Task<CommandResult> RecordArmedAttack(CommandContext command, RecordArmedAttack attack);

    /// <summary>A member requests consultations (Art. 4), citing a threat; every member is notified.</summary>
    Task<CommandResult> RequestConsultation(CommandContext command, RequestConsultation request);

    /// <summary>A second member, or exercise control as chair, convenes a requested consultation.</summary>
    Task<CommandResult> ConveneConsultation(CommandContext command, ConveneConsultation convene);

    /// <summary>A member records its position (support, oppose, abstain or a statement) in a convened consultation.</summary>
    Task<CommandResult> RecordPosition(CommandContext command, RecordPosition position);

    /// <summary>A member tables a draft decision; the charter's rule for its kind is fixed with it.</summary>
    Task<CommandResult> TableDraft(CommandContext command, TableDraft draft);

    /// <summary>A member votes on a draft (consensus, unanimity, qualified majority).</summary>
    Task<CommandResult> CastVote(CommandContext command, CastVote vote);

    /// <summary>A member breaks silence on a silence-procedure draft, before its deadline, with a reason.</summary>
    Task<CommandResult> BreakSilence(CommandContext command, BreakSilence objection);

    /// <summary>The member that tabled an open draft withdraws it.</summary>
    Task<CommandResult> WithdrawDraft(CommandContext command, WithdrawDraft withdraw);

    /// <summary>A member records its response to collective defence (suspended members still owe it).</summary>
    Task<CommandResult> RecordDefenceResponse(CommandContext command, RecordDefenceResponse response);

    /// <summary>A member gives notice of withdrawal (suspended members may too).</summary>
    Task<CommandResult> GiveWithdrawalNotice(CommandContext command, GiveWithdrawalNotice notice);

    /// <summary>A member pledges resources, due within a period.</summary>
    Task<CommandResult> PledgeResources(CommandContext command, PledgeResources pledge);

    /// <summary>The pledging member delivers against its pledge.</summary>
    Task<CommandResult> RecordPledgeDelivery(CommandContext command, RecordPledgeDelivery delivery);

    /// <summary>A member shares an intelligence report with the members.</summary>
    Task<CommandResult> ShareIntelligence(CommandContext command, ShareIntelligenceReport report);

    /// <summary>A member's alliance-flagged order was refused for want of a decision (called by the nation grain).</summary>
    Task<CommandResult> RecordUnauthorisedAttempt(CommandContext command, RecordUnauthorisedAttempt attempt);

    /// <summary>
    /// Whether a passed decision authorises <paramref name="nation"/> to take an alliance-flagged action of
    /// <paramref name="kind"/> on <paramref name="subject"/> (the host nation of a joint deployment, the text of a
    /// collective statement). Asked by the nation grain before it accepts such an order.
    /// </summary>
    Task<Authorisation> Authorise(string nation, DecisionKind kind, string? subject);

    /// <summary>The full state, for exercise control, grains of the same exercise and tests.</summary>
    Task<AllianceState> GetState();

    /// <summary>What <paramref name="viewer"/> may see of this alliance (member traffic for members in good standing only).</summary>
    Task<AllianceView?> GetView(Participant viewer);
}
