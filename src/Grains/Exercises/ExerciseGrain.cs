using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Catalog;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Injects;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// Runs one exercise. Commands go through <see cref="ExerciseRules"/>; after each accepted command the grain
/// "settles": it delivers the outbox to nations and alliances, adjudicates a turn whose orders just closed, fires
/// conditional injects at the evaluation points (turn start, after adjudication) and keeps the deadline reminder in
/// step with the clock. Settling is idempotent, so activation after a crash simply settles again.
/// </summary>
public sealed partial class ExerciseGrain(IEventLog log, RulesClock time, ILogger<ExerciseGrain> logger)
    : EventSourcedGrain<ExerciseState>(log, time, logger), IExerciseGrain, IRemindable
{
    public const string DeadlineReminderName = "phase-deadline";

    // Guards against a runaway chain of conditional injects releasing each other within one settle.
    private const int MaxSettleRounds = 32;

    private (int Turn, string Point)? _conditionsChecked;
    private DeadlineReminder? _deadlineReminder;
    private (ExerciseStatus, int, TurnPhase)? _catalogued;
    private bool _countedLive;

    protected override string ExerciseId => this.GetPrimaryKeyString();

    protected override string Stream => StreamNames.Exercise;

    protected override ExerciseState InitialState() => ExerciseState.Empty(ExerciseId);

    protected override ExerciseState Evolve(ExerciseState state, RecordedEvent recorded) => ExerciseEvolve.Apply(state, recorded);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Status != ExerciseStatus.NotCreated)
        {
            await Settle();
            await CatchUpDeadlines();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deadlineReminder?.Dispose();
        if (_countedLive)
        {
            _countedLive = false;
            Metrics?.ExerciseBecameInactive();
        }

        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<CommandResult> Create(CommandContext command, CreateExercise create) =>
        Run(command, s => ExerciseRules.Create(s, command.Actor, create));

    public Task<CommandResult> Start(CommandContext command) => Run(command, s => ExerciseRules.Start(s, command.Actor, Now));

    public Task<CommandResult> Pause(CommandContext command) => Run(command, s => ExerciseRules.Pause(s, command.Actor, Now));

    public Task<CommandResult> Resume(CommandContext command) => Run(command, s => ExerciseRules.Resume(s, command.Actor, Now));

    public Task<CommandResult> Advance(CommandContext command, AdvancePhase advance) =>
        Run(command, s => ExerciseRules.Advance(s, command.Actor, advance, Now));

    public Task<CommandResult> ExtendDeadline(CommandContext command, ExtendDeadline extend) =>
        Run(command, s => ExerciseRules.Extend(s, command.Actor, extend));

    public Task<CommandResult> End(CommandContext command, EndExercise end) => Run(command, s => ExerciseRules.End(s, command.Actor, end));

    public Task<CommandResult> OpenReview(CommandContext command) => Run(command, s => ExerciseRules.OpenReview(s, command.Actor));

    public Task<CommandResult> AssignTeam(CommandContext command, AssignTeam assign) =>
        Run(command, s => ExerciseRules.Assign(s, command.Actor, assign));

    public Task<CommandResult> ReleaseInject(CommandContext command, ReleaseInject release) =>
        Run(command, s => ExerciseRules.Release(s, command.Actor, release));

    public Task<CommandResult> InjectAdHoc(CommandContext command, InjectAdHoc inject) =>
        Run(command, s => ExerciseRules.AdHoc(s, command.Actor, inject));

    public Task<CommandResult> PublishNews(CommandContext command, PublishNews news) =>
        Run(command, s => ExerciseRules.Publish(s, command.Actor, news));

    public Task<CommandResult> OverrideOutcome(CommandContext command, OverrideOutcome revision) =>
        Run(command, s => ExerciseRules.Override(s, command.Actor, revision));

    public Task<CommandResult> AdjustNation(CommandContext command, AdjustNation adjust) =>
        Run(command, s => ExerciseRules.Adjust(s, command.Actor, adjust));

    /// <summary>
    /// A team pays action points to convene: the convening is decided first (a refusal spends nothing), then its
    /// nation spends the points under a step of this command's id (so a retry after a crash between the two pays
    /// once), then the convening is recorded. Exercise → nation is the only direction of that call.
    /// </summary>
    public async Task<CommandResult> ConveneNegotiation(CommandContext command, ConveneNegotiation convene)
    {
        var source = command.Actor.IsControl ? "exercise control" : $"{convene.As}";
        if (NegotiationConvening.Pays(command.Actor) && !Handled(command.CommandId))
        {
            await CatchUpDeadlines();
            var decision = NegotiationConvening.Convene(State, command.Actor, convene, source);
            if (!decision.IsAccepted)
            {
                return CommandResult.Rejected(decision.Rejection!);
            }

            var paid = await Nation(convene.As!).SpendActionPoints(command.Step(NegotiationConvening.PaymentStep), NegotiationConvening.Payment);
            if (!paid.Accepted)
            {
                return CommandResult.Rejected(paid.Rejection!);
            }
        }

        return await Run(command, s => NegotiationConvening.Convene(s, command.Actor, convene, source));
    }

    public Task<ExerciseState> GetState() => Task.FromResult(State);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeadlineReminderName)
        {
            await CatchUpDeadlines();
            await SyncDeadlineReminder();
        }
    }

    private DateTimeOffset Now => Time.GetUtcNow();

    private async Task<CommandResult> Run(CommandContext command, Func<ExerciseState, Decision> decide, [CallerMemberName] string commandName = "")
    {
        await CatchUpDeadlines();
        var result = await Execute(command, decide, commandName);
        if (result is { Accepted: true, Duplicate: false, LastSequence: not null })
        {
            await Settle();
            result = result with { LastSequence = LastSequence };
        }

        return result;
    }

    /// <summary>A real-time deadline passed (perhaps while the process was down): advance as exercise control would.</summary>
    private async Task CatchUpDeadlines()
    {
        for (var step = 0; step < 4 && ExerciseRules.DeadlinePassed(State, Now); step++)
        {
            var (turn, phase) = (State.Turn, State.Phase);
            Metrics?.DeadlineFired(Now - State.DeadlineAt!.Value);
            var result = await Execute(
                CommandContext.System($"deadline/{turn}/{phase}"),
                s => ExerciseRules.Advance(s, Participant.System, new AdvancePhase(turn, phase), Now));
            if (!result.Accepted)
            {
                Logger.LogWarning("Deadline of turn {Turn} {Phase} in {Exercise} could not advance: {Rejection}", turn, phase, ExerciseId, result.Rejection);
                break;
            }

            await Settle();
        }
    }

    private async Task Settle()
    {
        for (var round = 0; round < MaxSettleRounds; round++)
        {
            if (!await DrainOutbox())
            {
                break; // a receiver failed; what is left is delivered at the next settle or activation
            }

            if (State.IsLive && State.Phase == TurnPhase.Adjudication && State.AdjudicatedTurn < State.Turn)
            {
                await Adjudicate();
                continue;
            }

            // Held results wait for exercise control: compliance, the "adjudicated" injects and the results phase
            // follow the release, so nothing moves past the review queue on its own.
            if (State.AwaitingRelease)
            {
                break;
            }

            if (State.IsLive && State.Phase == TurnPhase.Adjudication && State.AdjudicatedTurn >= State.Turn
                && State.ComplianceReviewedTurn < State.Turn && !State.NegotiationIds.IsEmpty)
            {
                await ReviewCompliance();
                continue;
            }

            if (await ReleaseConditionalInjects())
            {
                continue;
            }

            if (State.Phase == TurnPhase.Adjudication && State.AdjudicatedTurn >= State.Turn && State.IsLive)
            {
                await Record(ExerciseRules.EnterResults(State, Now).Events, null);
                continue;
            }

            break;
        }

        await SyncDeadlineReminder();
        await UpdateCatalog();
        CountWhileLive();
    }

    // The active-exercises gauge counts live exercises where their activation is, so each silo reports its own.
    private void CountWhileLive()
    {
        if (State.IsLive != _countedLive)
        {
            _countedLive = State.IsLive;
            if (_countedLive)
            {
                Metrics?.ExerciseBecameActive();
            }
            else
            {
                Metrics?.ExerciseBecameInactive();
            }
        }
    }

    private async Task Adjudicate()
    {
        var turn = State.Turn;
        var closed = new List<ClosedOrders>();
        foreach (var code in State.NationCodes.Order(StringComparer.Ordinal))
        {
            closed.Add(await Nation(code).CloseOrders(CommandContext.System($"close/{turn}/{code}"), turn));
        }

        var result = Adjudicator.Adjudicate(new AdjudicationInput(turn, State.Seed, State.Draws, [.. closed]));
        await Record(ExerciseRules.RecordAdjudication(State, closed, result, Now).Events, $"adjudicate/{turn}");
    }

    /// <summary>
    /// Hands the adjudicated turn to every negotiation session (after the turn's outcomes reached the nations, so
    /// sanctions lifted this turn are gone). Each session reviews a turn once, so a restart part-way is harmless.
    /// </summary>
    private async Task ReviewCompliance()
    {
        var turn = State.Turn;
        var sanctioning = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
        foreach (var code in State.NationCodes)
        {
            sanctioning[code] = (await Nation(code).GetState()).Sanctioning;
        }

        var adjudicated = new AdjudicatedTurn(turn, [.. State.Outcomes.Values.Where(o => o.Turn == turn)], sanctioning.ToImmutable());
        var breaches = 0;
        foreach (var session in State.NegotiationIds)
        {
            var review = await Negotiation(session).ReviewCompliance(CommandContext.System($"compliance/{turn}/{session}"), new ReviewCompliance(adjudicated));
            breaches += review.Breaches.Length;
        }

        await Record([new(new ComplianceReviewsCompleted(turn, State.NegotiationIds.Count, breaches), Audience.Control)], $"compliance/{turn}");
    }

    /// <summary>At turn start and after adjudication, conditional injects whose condition holds fire.</summary>
    private async Task<bool> ReleaseConditionalInjects()
    {
        if (!State.IsLive)
        {
            return false;
        }

        (int, string)? point = State.Phase switch
        {
            TurnPhase.Planning => (State.Turn, "turn-start"),
            TurnPhase.Adjudication when State.AdjudicatedTurn >= State.Turn => (State.Turn, "adjudicated"),
            _ => null,
        };
        if (point is null || point == _conditionsChecked || !State.World.Msel.Any(i => i.Schedule.When is not null && !State.ReleasedInjects.Contains(i.Id)))
        {
            return false;
        }

        var nations = new List<NationState>();
        foreach (var code in State.NationCodes)
        {
            nations.Add(await Nation(code).GetState());
        }

        var due = InjectRules.Due(State, State.Turn, WorldFacts.From(State.Turn, nations));
        if (due.Count == 0)
        {
            _conditionsChecked = point;
            return false;
        }

        await Record(InjectRules.Release(State, due.Select(i => (i, InjectSource.Scheduled))), null);
        return true;
    }

    /// <summary>Delivers the outbox in order; false when a receiver failed and deliveries remain.</summary>
    private async Task<bool> DrainOutbox()
    {
        if (State.Outbox.IsEmpty)
        {
            return true;
        }

        var delivered = new List<string>();
        try
        {
            foreach (var delivery in State.Outbox)
            {
                var result = await Deliver(delivery);
                if (result is { Accepted: false })
                {
                    // A receiver refusing a change is a bug in the deciding rule, not something a retry mends.
                    Logger.LogError("Delivery {Delivery} in {Exercise} was refused: {Rejection}", delivery.DeliveryId, ExerciseId, result.Rejection);
                }

                delivered.Add(delivery.DeliveryId);
            }
        }
        catch (Exception ex)
        {
            // The command that filled the outbox is durable and acknowledged; what was delivered is recorded below and
            // the rest stays in the outbox for the next settle or activation.
            Logger.LogWarning(ex, "Delivering the outbox of {Exercise} stopped after {Count} deliveries", ExerciseId, delivered.Count);
        }

        var complete = delivered.Count == State.Outbox.Count;
        if (delivered.Count > 0)
        {
            await Record([new(new DeliveriesCompleted([.. delivered]), Audience.Control)], null);
        }

        return complete;
    }

    private Task<CommandResult?> Deliver(Delivery delivery)
    {
        var command = CommandContext.System($"delivery/{delivery.DeliveryId}");
        return delivery switch
        {
            NationChangeDelivery d => Nullable(Nation(d.Delta.Nation).ApplyChange(command, new ApplyNationChange(d.DeliveryId, d.Summary, d.Delta, d.Because))),
            OpenOrdersDelivery d => Nullable(Nation(d.Nation).OpenOrders(command, new OpenOrders(d.Turn))),
            InitializeNationDelivery d => Nullable(Nation(d.Initialize.Definition.Code).Initialize(command, d.Initialize)),
            InitializeAllianceDelivery d => Nullable(Alliance(d.Initialize.Definition.Code).Initialize(command, d.Initialize)),
            ArmedAttackDelivery d => Nullable(Alliance(d.Alliance).RecordArmedAttack(command, new RecordArmedAttack(d.DeliveryId, d.Attacker, d.Victim, d.InjectId))),
            ListInCatalogDelivery d => ListInCatalog(d.Entry),
            InitializeNegotiationDelivery d => Nullable(Negotiation(d.Initialize.Definition.Id).Initialize(command, d.Initialize)),
            ExerciseClockDelivery d => Nullable(Alliance(d.Alliance).FollowExerciseClock(command, d.Change)),
            _ => throw new InvalidOperationException($"Unknown delivery {delivery.GetType().Name}."),
        };

        static async Task<CommandResult?> Nullable(Task<CommandResult> task) => await task;
    }

    private async Task<CommandResult?> ListInCatalog(ExerciseEntry entry)
    {
        await GrainFactory.GetGrain<IExerciseCatalogGrain>(ExerciseCatalog.Key).List(entry);
        return null;
    }

    private Task SyncDeadlineReminder() =>
        (_deadlineReminder ??= new DeadlineReminder(this, DeadlineReminderName, Time, Logger))
            .Sync(State.Status == ExerciseStatus.Running ? State.DeadlineAt : null);

    private async Task UpdateCatalog()
    {
        var now = (State.Status, State.Turn, State.Phase);
        if (State.Status == ExerciseStatus.NotCreated || _catalogued == now || !State.Outbox.IsEmpty)
        {
            return;
        }

        await GrainFactory.GetGrain<IExerciseCatalogGrain>(ExerciseCatalog.Key).UpdateStatus(ExerciseId, State.Status, State.Turn, State.Phase);
        _catalogued = now;
    }

    private INationGrain Nation(string code) => GrainFactory.GetGrain<INationGrain>(GrainKeys.Scoped(ExerciseId, code));

    private INegotiationGrain Negotiation(string session) => GrainFactory.GetGrain<INegotiationGrain>(GrainKeys.Scoped(ExerciseId, session));

    private IAllianceGrain Alliance(string code) => GrainFactory.GetGrain<IAllianceGrain>(GrainKeys.Scoped(ExerciseId, code));
}
