using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

[GenerateSerializer, Alias("Alliances.ArmedAttackRecord"), Immutable]
public sealed record ArmedAttackRecord(string AttackId, string Attacker, string Victim, string InjectId);

/// <summary>
/// An alliance's state: its charter, who belongs (and who is suspended or under notice), and the working of the
/// charter — consultations, drafts and decisions, collective-defence invocations, pledges, shared intelligence and
/// unauthorised attempts. Every deadline is stored as an instant, so the state alone says what is due when.
/// </summary>
[GenerateSerializer, Alias("Alliances.AllianceState"), Immutable]
public sealed record AllianceState(
    string Code,
    bool Initialized,
    AllianceDefinition? Definition,
    ImmutableArray<string> Nations,
    ImmutableSortedSet<string> Members,
    ImmutableSortedSet<string> Suspended,
    ImmutableSortedSet<string> FormerMembers,
    ImmutableSortedDictionary<string, WithdrawalNotice> Withdrawals,
    ImmutableList<ArmedAttackRecord> Attacks,
    ImmutableSortedDictionary<string, Consultation> Consultations,
    ImmutableSortedDictionary<string, Draft> Drafts,
    ImmutableSortedDictionary<string, DefenceInvocation> Invocations,
    ImmutableSortedDictionary<string, Pledge> Pledges,
    ImmutableList<IntelligenceReport> Intelligence,
    ImmutableList<UnauthorisedAttempt> UnauthorisedAttempts)
{
    public static AllianceState Empty(string code) => new(
        code,
        Initialized: false,
        Definition: null,
        Nations: [],
        Members: ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        Suspended: ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        FormerMembers: ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        Withdrawals: ImmutableSortedDictionary<string, WithdrawalNotice>.Empty.WithComparers(StringComparer.Ordinal),
        Attacks: [],
        Consultations: ImmutableSortedDictionary<string, Consultation>.Empty.WithComparers(StringComparer.Ordinal),
        Drafts: ImmutableSortedDictionary<string, Draft>.Empty.WithComparers(StringComparer.Ordinal),
        Invocations: ImmutableSortedDictionary<string, DefenceInvocation>.Empty.WithComparers(StringComparer.Ordinal),
        Pledges: ImmutableSortedDictionary<string, Pledge>.Empty.WithComparers(StringComparer.Ordinal),
        Intelligence: [],
        UnauthorisedAttempts: []);

    public string Name => Definition?.Name ?? Code;

    /// <summary>The charter; only valid once the alliance is set up.</summary>
    public Charter Charter => Definition?.Charter ?? throw new InvalidOperationException($"Alliance {Code} is not set up.");

    public bool IsMember(string nation) => Members.Contains(nation);

    public bool IsSuspended(string nation) => Suspended.Contains(nation);

    /// <summary>
    /// Members in good standing: current and not suspended (a member under withdrawal notice is still bound, so it is
    /// included). They receive the alliance's traffic and make up the electorate.
    /// </summary>
    public IEnumerable<string> ActiveMembers => Members.Where(m => !Suspended.Contains(m));

    /// <summary>Whether <paramref name="nation"/> is a nation of this exercise (any code is accepted when the list is unknown).</summary>
    public bool KnowsNation(string nation) => Nations.IsDefaultOrEmpty || Nations.Contains(nation, StringComparer.Ordinal);

    /// <summary>
    /// Who votes on <paramref name="draft"/> now: active members, except the member a suspension concerns. Eligibility
    /// is evaluated when the count is made, so a withdrawal that takes effect (or a suspension) during the vote counts.
    /// </summary>
    public ImmutableArray<string> EligibleFor(Draft draft) =>
        [.. ActiveMembers.Where(m => draft.Proposal is not SuspensionProposal s || s.Member != m)];
}
