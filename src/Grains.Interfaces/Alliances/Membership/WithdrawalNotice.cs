namespace CrisisGrid.Grains.Alliances;

/// <summary>A member gave notice; it stays a member, bound by the charter, until <see cref="EffectiveAt"/>.</summary>
[GenerateSerializer, Alias("Alliances.WithdrawalNotice"), Immutable]
public sealed record WithdrawalNotice(string Member, string? Reason, DateTimeOffset GivenAt, DateTimeOffset EffectiveAt);
