using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// A negotiation session's state: who takes part, the phase, the channels' messages, the single negotiating text
/// with its versions, signatures, the agreement in force with its breaches, and the outbox of changes still to hand
/// to nations. <see cref="ReviewedTurns"/> makes a compliance review of a turn happen once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationState")]
public sealed record NegotiationState(
    string Id,
    bool Initialized,
    NegotiationDefinition? Definition,
    ImmutableArray<string> Nations,
    int ConvenedTurn,
    NegotiationPhase Phase,
    ImmutableSortedDictionary<string, InvitationResponse> Responses,
    ImmutableSortedDictionary<string, OpeningStatement> OpeningStatements,
    ImmutableList<NegotiationMessage> Messages,
    ImmutableList<TextVersion> Versions,
    ImmutableSortedDictionary<string, Signature> Signatures,
    int? InForceVersion,
    DateTimeOffset? InForceAt,
    int TurnsServed,
    ImmutableList<MandateRuling> Mandates,
    ImmutableList<Breach> Breaches,
    ImmutableList<MeasureKept> MeasuresKept,
    ImmutableSortedSet<int> ReviewedTurns,
    ImmutableList<PendingNationChange> Outbox,
    string? EndReason)
{
    public static NegotiationState Empty(string id) => new(
        id,
        Initialized: false,
        Definition: null,
        Nations: [],
        ConvenedTurn: 0,
        NegotiationPhase.Convened,
        ImmutableSortedDictionary<string, InvitationResponse>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, OpeningStatement>.Empty.WithComparers(StringComparer.Ordinal),
        [],
        [],
        ImmutableSortedDictionary<string, Signature>.Empty.WithComparers(StringComparer.Ordinal),
        InForceVersion: null,
        InForceAt: null,
        TurnsServed: 0,
        [],
        [],
        [],
        ImmutableSortedSet<int>.Empty,
        [],
        EndReason: null);
}
