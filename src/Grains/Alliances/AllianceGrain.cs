using System.Runtime.CompilerServices;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Scenarios;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// An alliance: thin on purpose — it loads its stream, asks <see cref="AllianceRules"/>, persists and publishes.
/// Deadlines are real time and survive restarts twice over: a durable reminder wakes the grain at the earliest
/// pending deadline (and every minute after, until none is left), and every call first records whatever fell due,
/// stamped with the instant it fell, so correctness never depends on when the reminder fires. Instants are play time
/// (<see cref="ExerciseTime"/>): the exercise pushes its clock, so deadlines stand still while it is paused.
/// </summary>
public sealed class AllianceGrain(IEventLog log, RulesClock time, ILogger<AllianceGrain> logger)
    : ExerciseScopedGrain<AllianceState>(log, time, logger), IAllianceGrain, IRemindable
{
    public const string DeadlineReminderName = "alliance-deadline";

    private DeadlineReminder? _deadlineReminder;

    protected override string Stream => StreamNames.Alliance(Code);

    // Play time: wall time with the exercise's pauses taken out, so deadlines stand still while it is paused.
    private DateTimeOffset Now => ExerciseTime.PlayTime(State.Clock, Time.GetUtcNow());

    protected override AllianceState InitialState() => AllianceState.Empty(Code);

    protected override AllianceState Evolve(AllianceState state, RecordedEvent recorded) => AllianceEvolve.Apply(state, recorded.Event);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Initialized)
        {
            // After a restart: record what fell due while the process was down, then re-arm the reminder.
            await CatchUpDeadlines();
            await SyncDeadlineReminder();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deadlineReminder?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<CommandResult> Initialize(CommandContext command, InitializeAlliance initialize) =>
        Run(command, s => AllianceRules.Initialize(s, command.Actor, initialize));

    public Task<CommandResult> RecordArmedAttack(CommandContext command, RecordArmedAttack attack) =>
        Run(command, s => AllianceRules.RecordArmedAttack(s, command.Actor, attack, Now));

    public Task<CommandResult> RequestConsultation(CommandContext command, RequestConsultation request) =>
        Run(command, s => AllianceRules.RequestConsultation(s, command.Actor, request, Now));

    public Task<CommandResult> ConveneConsultation(CommandContext command, ConveneConsultation convene) =>
        Run(command, s => AllianceRules.ConveneConsultation(s, command.Actor, convene, Now));

    public Task<CommandResult> RecordPosition(CommandContext command, RecordPosition position) =>
        Run(command, s => AllianceRules.RecordPosition(s, command.Actor, position, Now));

    public Task<CommandResult> TableDraft(CommandContext command, TableDraft draft) =>
        Run(command, s => AllianceRules.TableDraft(s, command.Actor, draft, Now));

    public Task<CommandResult> CastVote(CommandContext command, CastVote vote) =>
        Run(command, s => AllianceRules.CastVote(s, command.Actor, vote, Now));

    public Task<CommandResult> BreakSilence(CommandContext command, BreakSilence objection) =>
        Run(command, s => AllianceRules.BreakSilence(s, command.Actor, objection, Now));

    public Task<CommandResult> WithdrawDraft(CommandContext command, WithdrawDraft withdraw) =>
        Run(command, s => AllianceRules.WithdrawDraft(s, command.Actor, withdraw, Now));

    public Task<CommandResult> RecordDefenceResponse(CommandContext command, RecordDefenceResponse response) =>
        Run(command, s => AllianceRules.RecordDefenceResponse(s, command.Actor, response, Now));

    public Task<CommandResult> GiveWithdrawalNotice(CommandContext command, GiveWithdrawalNotice notice) =>
        Run(command, s => AllianceRules.GiveWithdrawalNotice(s, command.Actor, notice, Now));

    public Task<CommandResult> PledgeResources(CommandContext command, PledgeResources pledge) =>
        Run(command, s => AllianceRules.PledgeResources(s, command.Actor, pledge, Now));

    public Task<CommandResult> RecordPledgeDelivery(CommandContext command, RecordPledgeDelivery delivery) =>
        Run(command, s => AllianceRules.RecordPledgeDelivery(s, command.Actor, delivery, Now));

    public Task<CommandResult> ShareIntelligence(CommandContext command, ShareIntelligenceReport report) =>
        Run(command, s => AllianceRules.ShareIntelligence(s, command.Actor, report, Now));

    public async Task<CommandResult> FollowExerciseClock(CommandContext command, FollowExerciseClock change)
    {
        // No catch-up at "now" first: what fell due is settled on the clock as it was when the change happened.
        var result = await Execute(command, s => AllianceRules.FollowExerciseClock(s, command.Actor, change));
        await SyncDeadlineReminder();
        return result;
    }

    public async Task<Authorisation> Authorise(string nation, DecisionKind kind, string? subject)
    {
        await CatchUpDeadlines();
        await SyncDeadlineReminder();
        return AllianceRules.Authorise(State, nation, kind, subject, Now);
    }

    public async Task<Authorisation> Mandate(DecisionKind kind, string subject)
    {
        await CatchUpDeadlines();
        await SyncDeadlineReminder();
        return AllianceRules.Mandate(State, kind, subject, Now);
    }

    public async Task<AllianceState> GetState()
    {
        await CatchUpDeadlines();
        await SyncDeadlineReminder();
        return State;
    }

    public async Task<AllianceView?> GetView(Participant viewer)
    {
        await CatchUpDeadlines();
        await SyncDeadlineReminder();
        return State.Initialized ? AllianceViews.For(State, viewer) : null;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeadlineReminderName)
        {
            await CatchUpDeadlines();
            await SyncDeadlineReminder();
        }
    }

    private async Task<CommandResult> Run(CommandContext command, Func<AllianceState, Decision> decide, [CallerMemberName] string commandName = "")
    {
        // Deadlines first, as events of their own: they stand even when the command that noticed them is refused.
        await CatchUpDeadlines();
        var result = await Execute(command, decide, commandName);
        await SyncDeadlineReminder();
        return result;
    }

    private async Task CatchUpDeadlines()
    {
        var due = AllianceRules.ProcessDeadlines(State, Now);
        if (due.Events.Count > 0)
        {
            await Record(due.Events, commandId: null);
        }
    }

    /// <summary>Keeps one reminder armed for the earliest pending deadline; none when nothing is pending.</summary>
    private Task SyncDeadlineReminder() =>
        (_deadlineReminder ??= new DeadlineReminder(this, DeadlineReminderName, Time, Logger))
            .Sync(AllianceSettlement.NextDeadline(State) is { } play ? ExerciseTime.Wall(State.Clock, play) : null);
}
