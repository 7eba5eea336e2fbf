using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// The alliance's answer to "may <see cref="Nation"/> act in the alliance's name?": granted with the passed decision
/// that authorises it, or refused with the reason (naming the missing decision). <see cref="IsMember"/> says whether
/// the asker belongs to the alliance, so a refused member's attempt can be recorded as unilateral.
/// </summary>
[GenerateSerializer, Alias("Alliances.Authorisation"), Immutable]
public sealed record Authorisation(
    string Alliance,
    string Nation,
    DecisionKind Kind,
    string? Subject,
    bool IsMember,
    string? DecisionId,
    Rejection? Refusal)
{
    public bool Granted => Refusal is null;
}
