using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using static CrisisGrid.Grains.Negotiations.NegotiationValidation;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// The rules of a negotiation session (DOMAIN.md, "Negotiation sessions"). Pure: state, actor, command and the time
/// in; events or a rejection out. The negotiating text and signatures are in TextRules and SignatureRules, breach
/// detection in Compliance/. docs/negotiations.md describes every rule and refusal.
/// </summary>
public static partial class NegotiationRules
{
    public static Decision Initialize(NegotiationState state, Participant actor, InitializeNegotiation command, DateTimeOffset now)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only the exercise sets up a negotiation session.");
        }

        if (state.Initialized)
        {
            return Decision.Reject(RejectionCodes.InvalidState, $"Negotiation session {state.Id} is already set up.");
        }

        var definition = command.Definition;
        return NegotiationSetup.Check(definition, command.Nations)
            ?? Decision.Accept(new PendingEvent(
                new NegotiationConvened(definition, command.Nations.IsDefault ? [] : command.Nations, command.Turn, now),
                NegotiationAudience.Public(definition)));
    }

    public static Decision RespondToInvitation(NegotiationState state, Participant actor, RespondToInvitation command, DateTimeOffset now)
    {
        var what = command.Accept ? "accept the invitation" : "decline the invitation";
        var refused = NegotiationAccess.ForParty(state, actor, command.As, command.Party, what)
            ?? Phase(state, what, NegotiationPhase.Convened)
            ?? (state.Responses.ContainsKey(command.Party)
                ? Decision.Reject(NegotiationRejectionCodes.AlreadyRecorded, $"{command.Party} has already answered the invitation.", "party")
                : null)
            ?? Text(command.Reason, "reason", "The reason", MaxReasonLength, required: !command.Accept);
        if (refused is not null)
        {
            return refused;
        }

        var definition = state.Definition!;
        var answered = new PendingEvent(
            new InvitationAnswered(command.Party, command.As, command.Accept, command.Reason?.Trim(), now),
            NegotiationAudience.Plenary(definition));
        if (!command.Accept)
        {
            return Decision.Accept(answered, new PendingEvent(
                new TalksCollapsed(command.Party, command.As, $"{command.Party} declined: {command.Reason!.Trim()}", now),
                NegotiationAudience.Public(definition)));
        }

        var everyone = definition.Parties.All(p => p.Code == command.Party || state.Responses.ContainsKey(p.Code));
        return everyone
            ? Decision.Accept(answered, PhaseChange(definition, NegotiationPhase.OpeningStatements, "Every party accepted the invitation.", now))
            : Decision.Accept(answered);
    }

    public static Decision MakeOpeningStatement(NegotiationState state, Participant actor, MakeOpeningStatement command, DateTimeOffset now)
    {
        const string what = "make an opening statement";
        var refused = NegotiationAccess.ForParty(state, actor, command.As, command.Party, what)
            ?? Phase(state, what, NegotiationPhase.OpeningStatements)
            ?? (state.OpeningStatements.ContainsKey(command.Party)
                ? Decision.Reject(NegotiationRejectionCodes.AlreadyRecorded, $"{command.Party} has already made its opening statement.", "party")
                : null)
            ?? Text(command.Text, "text", "The statement");
        if (refused is not null)
        {
            return refused;
        }

        var definition = state.Definition!;
        var made = new PendingEvent(new OpeningStatementMade(command.Party, command.As, command.Text.Trim(), now), NegotiationAudience.Plenary(definition));
        var everyone = definition.Parties.All(p => p.Code == command.Party || state.OpeningStatements.ContainsKey(p.Code));
        return everyone
            ? Decision.Accept(made, PhaseChange(definition, NegotiationPhase.Bargaining, "Every party made its opening statement; the floor is open.", now))
            : Decision.Accept(made);
    }

    public static Decision PostMessage(NegotiationState state, Participant actor, PostMessage command, DateTimeOffset now)
    {
        const string what = "post a message";
        var refused = NegotiationAccess.Participant(state, actor, command.As, what)
            ?? Phase(state, what, Open)
            ?? Id(command.MessageId, "messageId", "The message id")
            ?? (state.Messages.Exists(m => m.MessageId == command.MessageId)
                ? Decision.Reject(RejectionCodes.InvalidArgument, $"Message id {command.MessageId} is already used in these talks; choose another.", "messageId")
                : null)
            ?? Text(command.Text, "text", "The message");
        if (refused is not null)
        {
            return refused;
        }

        var channel = command.Channel?.Canonical();
        var invalid = ChannelRules.MayPost(state, channel, command.As);
        return invalid ?? Decision.Accept(new PendingEvent(
            new MessagePosted(command.MessageId, channel!, command.As, command.Text.Trim(), now),
            NegotiationAudience.For(state.Definition!, channel!)));
    }

    public static Decision WalkOut(NegotiationState state, Participant actor, WalkOut command, DateTimeOffset now)
    {
        const string what = "walk out";
        var refused = NegotiationAccess.ForParty(state, actor, command.As, command.Party, what)
            ?? Phase(state, what, BeforeForce)
            ?? Text(command.Reason, "reason", "The reason", MaxReasonLength);
        return refused ?? Decision.Accept(new PendingEvent(
            new TalksCollapsed(command.Party, command.As, $"{command.Party} walked out: {command.Reason.Trim()}", now),
            NegotiationAudience.Public(state.Definition!)));
    }

    public static Decision Conclude(NegotiationState state, Participant actor, ConcludeAgreement command, DateTimeOffset now)
    {
        const string what = "conclude the agreement";
        var refused = NegotiationAccess.Started(state);
        if (refused is null && !actor.IsControl)
        {
            refused = NegotiationAccess.ActAs(state, actor, command.As, what)
                ?? (NegotiationAccess.IsMediator(state, command.As)
                    ? null
                    : Decision.Forbidden("Only exercise control or the mediator concludes an agreement."));
        }

        refused ??= Phase(state, what, NegotiationPhase.InForce, NegotiationPhase.Breached)
            ?? Text(command.Reason, "reason", "The reason", MaxReasonLength);
        return refused ?? Decision.Accept(new PendingEvent(
            new AgreementEnded(NegotiationPhase.Concluded, command.Reason.Trim(), now),
            NegotiationAudience.Public(state.Definition!)));
    }

    internal static PendingEvent PhaseChange(NegotiationDefinition definition, NegotiationPhase phase, string reason, DateTimeOffset now) =>
        new(new NegotiationPhaseChanged(phase, reason, now), NegotiationAudience.Plenary(definition));
}
