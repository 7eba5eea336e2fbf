using System.Collections.Immutable;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Alias("Alliances.ResponseKind")]
public enum ResponseKind
{
    Military,
    Economic,
    Diplomatic,
    Humanitarian,

    /// <summary>The member answered, and its answer is that it does nothing (an answer, unlike silence).</summary>
    None,
}

[GenerateSerializer, Alias("Alliances.DefenceResponse"), Immutable]
public sealed record DefenceResponse(string Member, ResponseKind Kind, string Description, DateTimeOffset At);

/// <summary>
/// Collective defence invoked by a passed decision (its id is the draft's). Every member in good standing at that
/// moment owes a response "as it deems necessary" by <see cref="ResponsesDue"/>; those that give none are
/// <see cref="FreeRiders"/>.
/// </summary>
[GenerateSerializer, Alias("Alliances.DefenceInvocation"), Immutable]
public sealed record DefenceInvocation(
    string Id,
    string AttackId,
    string Attacker,
    string Victim,
    DateTimeOffset InvokedAt,
    DateTimeOffset ResponsesDue,
    ImmutableArray<string> Owing,
    ImmutableSortedDictionary<string, DefenceResponse> Responses,
    bool Closed,
    DateTimeOffset? ClosedAt,
    ImmutableArray<string> FreeRiders)
{
    public IEnumerable<string> Outstanding => Owing.Where(m => !Responses.ContainsKey(m));
}
