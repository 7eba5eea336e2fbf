using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// A negotiation session's review record, updated by each event of its stream: the phase it is in after the event (as
/// the session's own fold says, so a phase reached without a phase-changed event is charted too), the text versions
/// tabled, the signatures and the breaches (with exercise control's ruling when it set one aside).
/// </summary>
public static class NegotiationCharting
{
    /// <summary>The record of the session whose event <paramref name="recorded"/> is, given the world after it.</summary>
    public static NegotiationRecord Observe(NegotiationRecord? current, RecordedEvent recorded, WorldState after)
    {
        if (!StreamNames.IsNegotiation(recorded.Stream, out var sessionId))
        {
            throw new ArgumentException($"Event {recorded.Sequence} is not a negotiation's ({recorded.Stream}).", nameof(recorded));
        }

        var session = after.Sessions.GetValueOrDefault(sessionId);
        var record = current ?? new NegotiationRecord(sessionId, sessionId, [], null, false, [], [], [], []);
        if (session?.Definition is { } definition)
        {
            record = record with { Title = definition.Title, Parties = [.. definition.Parties.Select(p => p.Code)], Mediator = definition.Mediator, Secret = definition.Secret };
        }

        var (sequence, turn, at) = (recorded.Sequence, after.Exercise.Turn, recorded.RecordedAt);
        record = recorded.Event switch
        {
            TextProposed proposed => record with
            {
                Versions = record.Versions.Add(new(proposed.Version.Number, proposed.Version.Author, sequence, turn, proposed.Version.At, proposed.Version.Clauses.Length)),
            },
            TextSigned signed => record with { Signatures = record.Signatures.Add(new(signed.Party, signed.Version, sequence, turn, signed.At)) },
            BreachReported { Breach: var breach } => record with
            {
                Breaches = record.Breaches.Add(new(breach.BreachId, breach.Violator, breach.ClauseId, breach.Description, sequence, turn, at, null)),
            },
            BreachRuledUnfounded ruled => record with
            {
                Breaches = [.. record.Breaches.Select(b => b.BreachId == ruled.BreachId ? b with { RuledUnfounded = ruled.Reason } : b)],
            },
            _ => record,
        };

        if (session is { Initialized: true } && (record.Phases.IsEmpty || record.Phases[^1].Phase != session.Phase))
        {
            record = record with { Phases = record.Phases.Add(new(session.Phase, sequence, turn, at, Reason(recorded))) };
        }

        return record;
    }

    private static string Reason(RecordedEvent recorded) => recorded.Event switch
    {
        NegotiationConvened => "convened",
        NegotiationPhaseChanged changed => changed.Reason,
        TextProposed proposed => $"version {proposed.Version.Number} tabled by {proposed.Version.Author}",
        TextSigned signed => $"{signed.Party} signed version {signed.Version}",
        AgreementEnteredIntoForce inForce => $"version {inForce.Version} entered into force",
        BreachReported { Breach: var breach } => $"{breach.Violator} breached {breach.ClauseId}",
        BreachRuledUnfounded ruled => $"breach ruled unfounded: {ruled.Reason}",
        TalksCollapsed collapsed => $"{collapsed.Party}: {collapsed.Reason}",
        AgreementEnded ended => ended.Reason,
        _ => EventJson.TypeName(recorded.Event),
    };
}
