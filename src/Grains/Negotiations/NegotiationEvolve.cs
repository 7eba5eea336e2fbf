using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// The session's state transitions: pure and total. Events that change nations add their deltas to the outbox,
/// identified by the event's sequence number so ids are stable across replays; <see cref="NationChangesDelivered"/>
/// removes them.
/// </summary>
public static class NegotiationEvolve
{
    public static NegotiationState Apply(NegotiationState state, RecordedEvent recorded)
    {
        var seq = recorded.Sequence;
        return recorded.Event switch
        {
            NegotiationConvened e => state with
            {
                Initialized = true,
                Definition = e.Definition,
                Nations = e.Nations.IsDefault ? [] : e.Nations,
                ConvenedTurn = e.Turn,
                Phase = NegotiationPhase.Convened,
            },
            InvitationAnswered e => state with { Responses = state.Responses.SetItem(e.Party, new InvitationResponse(e.Party, e.By, e.Accepted, e.Reason, e.At)) },
            NegotiationPhaseChanged e => state with { Phase = e.Phase },
            OpeningStatementMade e => state with { OpeningStatements = state.OpeningStatements.SetItem(e.Party, new OpeningStatement(e.Party, e.By, e.Text, e.At)) },
            MessagePosted e => state with { Messages = state.Messages.Add(new NegotiationMessage(e.MessageId, e.Channel, e.By, e.Text, e.At)) },
            TextProposed e => state with { Versions = state.Versions.Add(e.Version) },
            TextSigned e => state with { Signatures = state.Signatures.SetItem(e.Party, new Signature(e.Party, e.By, e.Version, e.DecisionId, e.At)) },
            AgreementEnteredIntoForce e => Deliver(state with { InForceVersion = e.Version, InForceAt = e.At, TurnsServed = 0 }, seq, "in-force", e.Effects, "Agreement entered into force", NegotiationCause.InForce),
            MandateRuled e => state with { Mandates = state.Mandates.Add(new MandateRuling(e.Host, e.Reason, e.At)) },
            BreachReported e => Deliver(state with { Breaches = state.Breaches.Add(e.Breach) }, seq, "breach", e.Breach.Effects, $"Breach of the agreement: {e.Breach.Description}", NegotiationCause.Breach),
            BreachRuledUnfounded e => Deliver(
                state with
                {
                    Breaches = state.Breaches.Select(b => b.BreachId == e.BreachId ? b with { Status = BreachStatus.Unfounded, RulingReason = e.Reason } : b).ToImmutableList(),
                },
                seq,
                "unfounded",
                e.Effects,
                $"Breach ruled unfounded by exercise control: {e.Reason}",
                NegotiationCause.BreachUnfounded),
            ConfidenceMeasureKept e => Deliver(state with { MeasuresKept = state.MeasuresKept.Add(e.Kept) }, seq, "confidence", e.Kept.Effects, e.Kept.Description, NegotiationCause.ConfidenceMeasureKept),
            ComplianceReviewed e => state with { ReviewedTurns = state.ReviewedTurns.Add(e.Turn), TurnsServed = e.TurnsServed },
            TalksCollapsed e => state with { Phase = NegotiationPhase.Collapsed, EndReason = e.Reason },
            AgreementEnded e => state with { Phase = e.Outcome, EndReason = e.Reason },
            NationChangesDelivered e => state with { Outbox = state.Outbox.RemoveAll(d => e.DeliveryIds.Contains(d.DeliveryId)) },
            _ => state,
        };
    }

    private static NegotiationState Deliver(NegotiationState state, long seq, string what, IEnumerable<NationDelta> effects, string summary, NegotiationCause cause) =>
        state with
        {
            Outbox = state.Outbox.AddRange(effects
                .Where(d => !d.IsEmpty)
                .Select(d => new PendingNationChange($"{state.Id}/{seq}/{what}/{d.Nation}", d, summary, ChangeCauses.Negotiation(cause, state.Definition?.Title ?? "")))),
        };
}
