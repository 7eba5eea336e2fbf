using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using static CrisisGrid.Grains.Negotiations.NegotiationValidation;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// While an agreement is in force its clauses constrain the parties: after each adjudicated turn the exercise hands
/// the turn to the session, which records breaches (reported to the parties and the mediator, costing the violator)
/// and kept measures, counts the turn, and lets the agreement expire when its duration is served. Exercise control
/// rules on mandates and may rule a reported breach unfounded.
/// </summary>
public static partial class NegotiationRules
{
    public static Decision ReviewCompliance(NegotiationState state, Participant actor, ReviewCompliance command, DateTimeOffset now)
    {
        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only the exercise hands adjudicated turns to a negotiation.");
        }

        var turn = command.Adjudicated.Turn;
        if (!state.Initialized || state.Phase is not (NegotiationPhase.InForce or NegotiationPhase.Breached) || state.ReviewedTurns.Contains(turn))
        {
            return Decision.Accept(); // nothing binds anyone, or this turn was reviewed already
        }

        var definition = state.Definition!;
        var agreement = state.Versions.Single(v => v.Number == state.InForceVersion);
        var served = state.TurnsServed + 1;
        var findings = BreachDetection.Detect(definition, agreement, served, command.Adjudicated);
        var plenary = NegotiationAudience.Plenary(definition);
        var events = new List<PendingEvent>();
        events.AddRange(findings.Breaches.Select(b => new PendingEvent(new BreachReported(b), plenary)));
        events.AddRange(findings.Kept.Select(k => new PendingEvent(new ConfidenceMeasureKept(k), plenary)));
        if (findings.Breaches.Length > 0 && state.Phase == NegotiationPhase.InForce)
        {
            events.Add(PhaseChange(definition, NegotiationPhase.Breached, $"Breach reported at the adjudication of turn {turn}.", now));
        }

        events.Add(new PendingEvent(new ComplianceReviewed(turn, served), plenary));
        if (agreement.DurationTurns is { } duration && served >= duration)
        {
            events.Add(new PendingEvent(
                new AgreementEnded(NegotiationPhase.Expired, $"The agreement ran its {duration} turn(s).", now),
                NegotiationAudience.Public(definition)));
        }

        return Decision.Accept(events);
    }

    public static Decision RuleBreachUnfounded(NegotiationState state, Participant actor, RuleBreachUnfounded command, DateTimeOffset now)
    {
        if (NegotiationAccess.Started(state) is { } missing)
        {
            return missing;
        }

        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control rules on a reported breach.");
        }

        var breach = state.Breaches.Find(b => b.BreachId == command.BreachId);
        var refused = (breach is null
                ? Decision.Reject(RejectionCodes.NotFound, $"No breach {command.BreachId} has been reported in these talks.", "breachId",
                    string.Join(", ", state.Breaches.Select(b => b.BreachId)))
                : null)
            ?? (breach?.Status == BreachStatus.Unfounded
                ? Decision.Reject(NegotiationRejectionCodes.AlreadyRecorded, $"Breach {command.BreachId} was already ruled unfounded.", "breachId")
                : null)
            ?? Text(command.Reason, "reason", "The reason", MaxReasonLength);
        if (refused is not null)
        {
            return refused;
        }

        var definition = state.Definition!;
        var events = new List<PendingEvent>
        {
            new(new BreachRuledUnfounded(breach!.BreachId, command.Reason.Trim(), [.. breach.Effects.Select(d => d.NegatedAmounts())], now), NegotiationAudience.Plenary(definition)),
        };
        var othersStand = state.Breaches.Exists(b => b.BreachId != breach.BreachId && b.Status == BreachStatus.Reported);
        if (state.Phase == NegotiationPhase.Breached && !othersStand)
        {
            events.Add(PhaseChange(definition, NegotiationPhase.InForce, "No reported breach stands.", now));
        }

        return Decision.Accept(events);
    }

    public static Decision RuleMandate(NegotiationState state, Participant actor, RuleMandate command, DateTimeOffset now)
    {
        if (NegotiationAccess.Started(state) is { } missing)
        {
            return missing;
        }

        if (!actor.IsControl)
        {
            return Decision.Forbidden("Only exercise control rules on a peacekeeping mandate.");
        }

        var refused = Phase(state, "rule on a mandate", BeforeForce)
            ?? (state.Nations.Contains(command.Host)
                ? null
                : Decision.Reject(RejectionCodes.NotFound, $"{command.Host} is not a nation in this exercise.", "host", string.Join(", ", state.Nations)))
            ?? Text(command.Reason, "reason", "The reason", MaxReasonLength);
        return refused ?? Decision.Accept(new PendingEvent(new MandateRuled(command.Host, command.Reason.Trim(), now), NegotiationAudience.Plenary(state.Definition!)));
    }
}
