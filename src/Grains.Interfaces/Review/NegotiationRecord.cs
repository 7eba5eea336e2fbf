using System.Collections.Immutable;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Review;

/// <summary>A negotiation session as the review charts it: its phases over time, text versions, signatures and breaches.</summary>
[GenerateSerializer, Immutable, Alias("Review.NegotiationRecord")]
public sealed record NegotiationRecord(
    string Session,
    string Title,
    ImmutableArray<string> Parties,
    string? Mediator,
    bool Secret,
    ImmutableArray<NegotiationPhaseStep> Phases,
    ImmutableArray<NegotiationVersionRecord> Versions,
    ImmutableArray<NegotiationSignatureRecord> Signatures,
    ImmutableArray<NegotiationBreachRecord> Breaches);

/// <summary>The session entered <paramref name="Phase"/> at event <paramref name="Sequence"/> (and stayed until the next step).</summary>
[GenerateSerializer, Immutable, Alias("Review.NegotiationPhaseStep")]
public sealed record NegotiationPhaseStep(NegotiationPhase Phase, long Sequence, int Turn, DateTimeOffset At, string Reason);

/// <summary>Version <paramref name="Version"/> of the negotiating text was tabled by <paramref name="Author"/>.</summary>
[GenerateSerializer, Immutable, Alias("Review.NegotiationVersionRecord")]
public sealed record NegotiationVersionRecord(int Version, string Author, long Sequence, int Turn, DateTimeOffset At, int Clauses);

/// <summary><paramref name="Party"/> signed version <paramref name="Version"/>.</summary>
[GenerateSerializer, Immutable, Alias("Review.NegotiationSignatureRecord")]
public sealed record NegotiationSignatureRecord(string Party, int Version, long Sequence, int Turn, DateTimeOffset At);

/// <summary>A breach reported at adjudication; <paramref name="RuledUnfounded"/> is exercise control's reason when it set it aside.</summary>
[GenerateSerializer, Immutable, Alias("Review.NegotiationBreachRecord")]
public sealed record NegotiationBreachRecord(string BreachId, string Violator, string ClauseId, string Description, long Sequence, int Turn, DateTimeOffset At, string? RuledUnfounded);
