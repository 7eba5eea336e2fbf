namespace CrisisGrid.Grains.Negotiations;

/// <summary>A message in one channel, written by a nation (for its party, or as mediator).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.NegotiationMessage")]
public sealed record NegotiationMessage(string MessageId, NegotiationChannel Channel, string Author, string Text, DateTimeOffset At);

/// <summary>A party's opening statement in plenary, given by one of its nations.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.OpeningStatement")]
public sealed record OpeningStatement(string Party, string By, string Text, DateTimeOffset At);

/// <summary>A party's answer to the invitation.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.InvitationResponse")]
public sealed record InvitationResponse(string Party, string By, bool Accepted, string? Reason, DateTimeOffset At);

/// <summary>A party's signature of one version of the text (an alliance's names the decision that authorised it).</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.Signature")]
public sealed record Signature(string Party, string By, int Version, string? DecisionId, DateTimeOffset At);

/// <summary>Exercise control's ruling that gives a peacekeeping deployment to <paramref name="Host"/> its mandate.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.MandateRuling")]
public sealed record MandateRuling(string Host, string Reason, DateTimeOffset At);
