namespace CrisisGrid.Grains.Alliances;

/// <summary><paramref name="Member"/> tables a draft decision; <paramref name="DraftId"/> is chosen by the client.</summary>
[GenerateSerializer, Alias("Alliances.TableDraft"), Immutable]
public sealed record TableDraft(string DraftId, string Member, DraftProposal Proposal);

/// <summary>A vote on a draft under consensus (no = objection), unanimity or qualified majority.</summary>
[GenerateSerializer, Alias("Alliances.CastVote"), Immutable]
public sealed record CastVote(string DraftId, string Member, VoteChoice Choice, string? Reason = null);

/// <summary>Objects to a draft under the silence procedure, before its deadline, with a stated reason.</summary>
[GenerateSerializer, Alias("Alliances.BreakSilence"), Immutable]
public sealed record BreakSilence(string DraftId, string Member, string Reason);

/// <summary>The member that tabled an open draft takes it back.</summary>
[GenerateSerializer, Alias("Alliances.WithdrawDraft"), Immutable]
public sealed record WithdrawDraft(string DraftId, string Member);
