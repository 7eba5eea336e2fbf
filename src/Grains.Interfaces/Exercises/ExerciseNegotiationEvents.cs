using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Negotiations;

namespace CrisisGrid.Grains.Exercises;

/// <summary>
/// The exercise convened a negotiation session (standing talks, an inject, or a convener); the session is set up
/// through the outbox and announces itself. Exercise control only: the session's own event says who else may know.
/// </summary>
[EventType("exercise.negotiation-registered"), GenerateSerializer, Immutable, Alias("Exercises.NegotiationRegistered")]
public sealed record NegotiationRegistered(NegotiationDefinition Definition, int Turn, string Source) : DomainEvent;

/// <summary>Every convened session has been handed the adjudicated turn (so a restart does not hand it again).</summary>
[EventType("exercise.compliance-reviews-completed"), GenerateSerializer, Immutable, Alias("Exercises.ComplianceReviewsCompleted")]
public sealed record ComplianceReviewsCompleted(int Turn, int Sessions, int Breaches) : DomainEvent;
