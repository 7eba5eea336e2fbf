using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>
/// A negotiation as one viewer sees it. That the talks exist, who takes part, their phase and an agreement in force
/// are public unless the talks are secret. The working of the talks is in <see cref="Table"/>: for the parties'
/// nations, the mediator and exercise control only, and within it every message is filtered by its channel's
/// audience (a backchannel's content reaches its two parties and exercise control, nobody else).
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationView")]
public sealed record NegotiationView(
    string Id,
    string Title,
    ImmutableArray<NegotiationParty> Parties,
    string? Mediator,
    bool Secret,
    NegotiationPhase Phase,
    TextVersion? Agreement,
    NegotiationTableView? Table);

/// <summary>What the parties, the mediator and exercise control see of the talks.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationTableView")]
public sealed record NegotiationTableView(
    ImmutableArray<InvitationResponse> Responses,
    ImmutableArray<OpeningStatement> OpeningStatements,
    ImmutableArray<NegotiationMessage> Messages,
    ImmutableArray<TextVersion> Versions,
    ImmutableArray<Signature> Signatures,
    ImmutableArray<MandateRuling> Mandates,
    ImmutableArray<Breach> Breaches,
    ImmutableArray<MeasureKept> MeasuresKept,
    int TurnsServed,
    string? EndReason);
