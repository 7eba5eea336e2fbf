namespace CrisisGrid.Grains.Alliances;

/// <summary>A member gives notice of withdrawal; it takes effect after the charter's notice period.</summary>
[GenerateSerializer, Alias("Alliances.GiveWithdrawalNotice"), Immutable]
public sealed record GiveWithdrawalNotice(string Member, string? Reason = null);
