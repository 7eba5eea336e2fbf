using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;

namespace CrisisGrid.Grains.Negotiations;

/// <summary>The session exists: public unless the talks are secret (then the parties and mediator only).</summary>
[EventType("negotiation.convened"), GenerateSerializer, Immutable, Alias("Negotiations.NegotiationConvened")]
public sealed record NegotiationConvened(NegotiationDefinition Definition, ImmutableArray<string> Nations, int Turn, DateTimeOffset At) : DomainEvent;

[EventType("negotiation.invitation-answered"), GenerateSerializer, Immutable, Alias("Negotiations.InvitationAnswered")]
public sealed record InvitationAnswered(string Party, string By, bool Accepted, string? Reason, DateTimeOffset At) : DomainEvent;

/// <summary>The session moved to <paramref name="Phase"/>, with the reason in words.</summary>
[EventType("negotiation.phase-changed"), GenerateSerializer, Immutable, Alias("Negotiations.NegotiationPhaseChanged")]
public sealed record NegotiationPhaseChanged(NegotiationPhase Phase, string Reason, DateTimeOffset At) : DomainEvent;

[EventType("negotiation.opening-statement-made"), GenerateSerializer, Immutable, Alias("Negotiations.OpeningStatementMade")]
public sealed record OpeningStatementMade(string Party, string By, string Text, DateTimeOffset At) : DomainEvent;

/// <summary>A message in a channel; its audience is the channel's (a backchannel's two parties only).</summary>
[EventType("negotiation.message-posted"), GenerateSerializer, Immutable, Alias("Negotiations.MessagePosted")]
public sealed record MessagePosted(string MessageId, NegotiationChannel Channel, string By, string Text, DateTimeOffset At) : DomainEvent;

[EventType("negotiation.text-proposed"), GenerateSerializer, Immutable, Alias("Negotiations.TextProposed")]
public sealed record TextProposed(TextVersion Version) : DomainEvent;

[EventType("negotiation.text-signed"), GenerateSerializer, Immutable, Alias("Negotiations.TextSigned")]
public sealed record TextSigned(string Party, string By, int Version, string? DecisionId, DateTimeOffset At) : DomainEvent;

/// <summary>
/// Every party signed <paramref name="Version"/>: the agreement binds them. <paramref name="Effects"/> move the
/// parties' relations (trust up, tension down), delivered to the nations through the session's outbox.
/// </summary>
[EventType("negotiation.agreement-in-force"), GenerateSerializer, Immutable, Alias("Negotiations.AgreementEnteredIntoForce")]
public sealed record AgreementEnteredIntoForce(int Version, ImmutableArray<NationDelta> Effects, DateTimeOffset At) : DomainEvent;

[EventType("negotiation.mandate-ruled"), GenerateSerializer, Immutable, Alias("Negotiations.MandateRuled")]
public sealed record MandateRuled(string Host, string Reason, DateTimeOffset At) : DomainEvent;

/// <summary>A breach found at adjudication, reported to the parties and the mediator; its costs go to the nations.</summary>
[EventType("negotiation.breach-reported"), GenerateSerializer, Immutable, Alias("Negotiations.BreachReported")]
public sealed record BreachReported(Breach Breach) : DomainEvent;

/// <summary>Exercise control ruled a breach unfounded; <paramref name="Effects"/> reverse its costs.</summary>
[EventType("negotiation.breach-ruled-unfounded"), GenerateSerializer, Immutable, Alias("Negotiations.BreachRuledUnfounded")]
public sealed record BreachRuledUnfounded(string BreachId, string Reason, ImmutableArray<NationDelta> Effects, DateTimeOffset At) : DomainEvent;

/// <summary>An order kept a confidence-building measure; <paramref name="Kept"/> carries the confidence it builds.</summary>
[EventType("negotiation.measure-kept"), GenerateSerializer, Immutable, Alias("Negotiations.ConfidenceMeasureKept")]
public sealed record ConfidenceMeasureKept(MeasureKept Kept) : DomainEvent;

/// <summary>The turn's orders were checked against the agreement; <paramref name="TurnsServed"/> counts turns in force.</summary>
[EventType("negotiation.compliance-reviewed"), GenerateSerializer, Immutable, Alias("Negotiations.ComplianceReviewed")]
public sealed record ComplianceReviewed(int Turn, int TurnsServed) : DomainEvent;

/// <summary>The talks collapsed: a party declined or walked out.</summary>
[EventType("negotiation.collapsed"), GenerateSerializer, Immutable, Alias("Negotiations.TalksCollapsed")]
public sealed record TalksCollapsed(string Party, string By, string Reason, DateTimeOffset At) : DomainEvent;

[EventType("negotiation.agreement-ended"), GenerateSerializer, Immutable, Alias("Negotiations.AgreementEnded")]
public sealed record AgreementEnded(NegotiationPhase Outcome, string Reason, DateTimeOffset At) : DomainEvent;

/// <summary>Changes from the outbox reached their nations (exercise control only).</summary>
[EventType("negotiation.changes-delivered"), GenerateSerializer, Immutable, Alias("Negotiations.NationChangesDelivered")]
public sealed record NationChangesDelivered(ImmutableArray<string> DeliveryIds) : DomainEvent;
