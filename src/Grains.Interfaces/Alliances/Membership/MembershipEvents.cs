using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Alliances;

/// <summary>A passed admission decision made <paramref name="Nation"/> a member (public: membership is public).</summary>
[EventType("alliance.member-admitted"), GenerateSerializer, Alias("Alliances.MemberAdmitted"), Immutable]
public sealed record MemberAdmitted(string Nation, string DraftId, DateTimeOffset At) : DomainEvent;

/// <summary>A passed suspension decision suspended <paramref name="Member"/>: it can no longer request, table, vote or read alliance traffic.</summary>
[EventType("alliance.member-suspended"), GenerateSerializer, Alias("Alliances.MemberSuspended"), Immutable]
public sealed record MemberSuspended(string Member, string DraftId, DateTimeOffset At) : DomainEvent;

[EventType("alliance.withdrawal-notice-given"), GenerateSerializer, Alias("Alliances.WithdrawalNoticeGiven"), Immutable]
public sealed record WithdrawalNoticeGiven(string Member, string? Reason, DateTimeOffset GivenAt, DateTimeOffset EffectiveAt) : DomainEvent;

/// <summary>The notice period ended: <paramref name="Member"/> is no longer a member (public).</summary>
[EventType("alliance.member-withdrew"), GenerateSerializer, Alias("Alliances.MemberWithdrew"), Immutable]
public sealed record MemberWithdrew(string Member, DateTimeOffset At) : DomainEvent;
