using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// A negotiation session: thin on purpose — it loads its stream, asks <see cref="NegotiationRules"/>, persists and
/// publishes, then hands its outbox of nation changes to the nations (each applied at most once, by delivery id).
/// Before a signature it asks the alliances concerned, so the signing rule itself stays pure.
/// </summary>
public sealed class NegotiationGrain(IEventLog log, RulesClock time, ILogger<NegotiationGrain> logger)
    : ExerciseScopedGrain<NegotiationState>(log, time, logger), INegotiationGrain
{
    protected override string Stream => StreamNames.Negotiation(Code);

    private DateTimeOffset Now => Time.GetUtcNow();

    protected override NegotiationState InitialState() => NegotiationState.Empty(Code);

    protected override NegotiationState Evolve(NegotiationState state, RecordedEvent recorded) => NegotiationEvolve.Apply(state, recorded);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        await DeliverOutbox(); // after a crash between recording and delivering
    }

    public Task<CommandResult> Initialize(CommandContext command, InitializeNegotiation initialize) =>
        Run(command, s => NegotiationRules.Initialize(s, command.Actor, initialize, Now));

    public Task<CommandResult> RespondToInvitation(CommandContext command, RespondToInvitation respond) =>
        Run(command, s => NegotiationRules.RespondToInvitation(s, command.Actor, respond, Now));

    public Task<CommandResult> MakeOpeningStatement(CommandContext command, MakeOpeningStatement statement) =>
        Run(command, s => NegotiationRules.MakeOpeningStatement(s, command.Actor, statement, Now));

    public Task<CommandResult> PostMessage(CommandContext command, PostMessage message) =>
        Run(command, s => NegotiationRules.PostMessage(s, command.Actor, message, Now));

    public Task<CommandResult> ProposeText(CommandContext command, ProposeText proposal) =>
        Run(command, s => NegotiationRules.ProposeText(s, command.Actor, proposal, Now));

    public async Task<CommandResult> Sign(CommandContext command, SignText sign)
    {
        var context = await GatherSignatureContext(sign);
        return await Run(command, s => NegotiationRules.Sign(s, command.Actor, sign, context, Now));
    }

    public Task<CommandResult> WalkOut(CommandContext command, WalkOut walkOut) =>
        Run(command, s => NegotiationRules.WalkOut(s, command.Actor, walkOut, Now));

    public Task<CommandResult> RuleMandate(CommandContext command, RuleMandate ruling) =>
        Run(command, s => NegotiationRules.RuleMandate(s, command.Actor, ruling, Now));

    public Task<CommandResult> RuleBreachUnfounded(CommandContext command, RuleBreachUnfounded ruling) =>
        Run(command, s => NegotiationRules.RuleBreachUnfounded(s, command.Actor, ruling, Now));

    public Task<CommandResult> Conclude(CommandContext command, ConcludeAgreement conclude) =>
        Run(command, s => NegotiationRules.Conclude(s, command.Actor, conclude, Now));

    public async Task<ComplianceReview> ReviewCompliance(CommandContext command, ReviewCompliance review)
    {
        var result = await Run(command, s => NegotiationRules.ReviewCompliance(s, command.Actor, review, Now));
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"Compliance review of {Code} refused: {result.Rejection}");
        }

        var turn = review.Adjudicated.Turn;
        return new ComplianceReview(
            Code,
            turn,
            [.. State.Breaches.Where(b => b.Turn == turn)],
            [.. State.MeasuresKept.Where(k => k.Turn == turn)],
            State.Phase == NegotiationPhase.Expired);
    }

    public Task<NegotiationState> GetState() => Task.FromResult(State);

    public Task<NegotiationView?> GetView(Participant viewer) => Task.FromResult(NegotiationViews.For(State, viewer));

    private async Task<CommandResult> Run(CommandContext command, Func<NegotiationState, Decision> decide)
    {
        var result = await Execute(command, decide);
        await DeliverOutbox();
        return result;
    }

    // The alliance decides whether it may sign (its charter's rule) and whether a peacekeeping deployment has its
    // mandate; the session only asks, and only the alliances the command concerns.
    private async Task<SignatureContext> GatherSignatureContext(SignText sign)
    {
        if (!State.Initialized || State.Versions.IsEmpty)
        {
            return SignatureContext.None;
        }

        Authorisation? party = null;
        if (State.Definition!.Parties.FirstOrDefault(p => p.Code == sign.Party) is { Kind: PartyKind.Alliance } alliance && alliance.ActsThrough(sign.As))
        {
            party = await Alliance(alliance.Code).Authorise(sign.As, DecisionKind.SignAgreement, SignAgreementProposal.SubjectFor(Code, sign.Version));
        }

        var mandates = ImmutableDictionary.CreateBuilder<string, Authorisation>();
        foreach (var clause in State.Versions[^1].Clauses.OfType<PeacekeepingDeploymentClause>().Where(c => c.Alliance is not null))
        {
            mandates[clause.Id] = await Alliance(clause.Alliance!).Mandate(DecisionKind.JointDeployment, clause.Host);
        }

        return new SignatureContext(party, mandates.ToImmutable());
    }

    /// <summary>Hands pending changes to their nations in order; what fails stays for the next command or activation.</summary>
    private async Task DeliverOutbox()
    {
        if (State.Outbox.IsEmpty)
        {
            return;
        }

        var delivered = new List<string>();
        try
        {
            foreach (var change in State.Outbox)
            {
                var result = await Nation(change.Delta.Nation).ApplyChange(
                    CommandContext.System($"delivery/{change.DeliveryId}"),
                    new ApplyNationChange(change.DeliveryId, change.Summary, change.Delta, change.Because));
                if (!result.Accepted)
                {
                    // A nation refusing a change is a bug in the deciding rule, not something a retry mends.
                    Logger.LogError("Delivery {Delivery} of {Session} was refused: {Rejection}", change.DeliveryId, Code, result.Rejection);
                }

                delivered.Add(change.DeliveryId);
            }
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Delivering the outbox of negotiation {Session} stopped after {Count} deliveries", Code, delivered.Count);
        }

        if (delivered.Count > 0)
        {
            await Record([new PendingEvent(new NationChangesDelivered([.. delivered]), Audience.Control)], null);
        }
    }

    private INationGrain Nation(string code) => GrainFactory.GetGrain<INationGrain>(GrainKeys.Scoped(ExerciseId, code));

    private IAllianceGrain Alliance(string code) => GrainFactory.GetGrain<IAllianceGrain>(GrainKeys.Scoped(ExerciseId, code));
}
