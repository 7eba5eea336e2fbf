using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Alliances;

/// <summary>
/// An alliance as one viewer sees it. Its existence, name, type and members are public; everything the charter
/// works on (consultations, drafts and votes, attacks, collective defence, pledges, intelligence, cohesion) is
/// member traffic, in <see cref="Member"/>: only for members in good standing, exercise control, and observers
/// with the full view. A suspended member and a former member see the public part only.
/// </summary>
/// <remarks>
/// <see cref="AllianceMemberView.Clock"/> is the exercise clock as the alliance follows it (its pauses are public):
/// deadlines are play-time instants, so a client needs it to show the play time left (see ExerciseTime).
/// </remarks>
[GenerateSerializer, Alias("Alliances.AllianceView"), Immutable]
public sealed record AllianceView(
    string Code,
    string Name,
    AllianceType Type,
    ImmutableArray<string> Members,
    AllianceMemberView? Member);

[GenerateSerializer, Alias("Alliances.AllianceMemberView"), Immutable]
public sealed record AllianceMemberView(
    Charter Charter,
    ImmutableArray<string> Suspended,
    ImmutableArray<WithdrawalNotice> Withdrawals,
    ImmutableArray<string> FormerMembers,
    ImmutableArray<ArmedAttackRecord> Attacks,
    ImmutableArray<Consultation> Consultations,
    ImmutableArray<Draft> Drafts,
    ImmutableArray<DefenceInvocation> CollectiveDefence,
    ImmutableArray<Pledge> Pledges,
    ImmutableArray<IntelligenceReport> Intelligence,
    CohesionReport Cohesion,
    AllianceClock? Clock = null);
