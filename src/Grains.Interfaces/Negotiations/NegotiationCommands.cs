using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

// Every command a party or the mediator gives names the acting nation (As): a team acts only as its own nation,
// exercise control as any (it plays non-player nations and mediators).

/// <summary>Sets the session up (the exercise, through its outbox). <paramref name="Turn"/> is the turn it was convened in.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.InitializeNegotiation")]
public sealed record InitializeNegotiation(NegotiationDefinition Definition, ImmutableArray<string> Nations, int Turn);

/// <summary>A party accepts or declines the invitation (declining collapses the talks).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.RespondToInvitation")]
public sealed record RespondToInvitation(string As, string Party, bool Accept, string? Reason = null);

[GenerateSerializer, Immutable, Alias("Negotiations.MakeOpeningStatement")]
public sealed record MakeOpeningStatement(string As, string Party, string Text);

/// <summary>A message in a channel. <paramref name="MessageId"/> is chosen by the client and unique in the session.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.PostMessage")]
public sealed record PostMessage(string As, string MessageId, NegotiationChannel Channel, string Text);

/// <summary>
/// Tables a new version of the single negotiating text (the first, a counter-proposal or an amendment) in plenary.
/// <paramref name="BasedOn"/> is the version the author worked from (0 for the first): it must be the current one.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ProposeText")]
public sealed record ProposeText(string As, int BasedOn, ImmutableArray<Clause> Clauses, int? DurationTurns = null, string? Note = null);

/// <summary>A party signs a version of the text; it must be the current one.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.SignText")]
public sealed record SignText(string As, string Party, int Version);

/// <summary>A party walks out; the talks collapse (only before an agreement enters into force).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.WalkOut")]
public sealed record WalkOut(string As, string Party, string Reason);

/// <summary>Exercise control gives a peacekeeping deployment to <paramref name="Host"/> its mandate, with a reason.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.RuleMandate")]
public sealed record RuleMandate(string Host, string Reason);

/// <summary>Exercise control rules a reported breach unfounded, with a reason; its costs are reversed.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.RuleBreachUnfounded")]
public sealed record RuleBreachUnfounded(string BreachId, string Reason);

/// <summary>Exercise control or the mediator closes an agreement in force as fulfilled.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ConcludeAgreement")]
public sealed record ConcludeAgreement(string Reason, string? As = null);

/// <summary>The exercise hands an adjudicated turn to the session: breaches, measures kept, expiry.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ReviewCompliance")]
public sealed record ReviewCompliance(AdjudicatedTurn Adjudicated);
