using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Negotiations;

/// <summary>Each kind of breach, kept measures, costs, rulings and expiry: clauses × adjudicated orders.</summary>
public class BreachDetectionTests
{
    private static ImmutableSortedDictionary<string, ImmutableSortedSet<string>> Sanctioning(string nation, params string[] on) =>
        ImmutableSortedDictionary<string, ImmutableSortedSet<string>>.Empty.WithComparers(StringComparer.Ordinal)
            .Add(nation, ImmutableSortedSet.Create(StringComparer.Ordinal, on));

    private static Breach Only(NegotiationBed bed) => Assert.Single(bed.State.Breaches);

    [Fact]
    public void A_ceasefire_is_breached_by_a_cyber_operation_against_another_party()
    {
        var bed = NegotiationBed.InForce();
        bed.Review(2, null, ("BOR", new CyberOperation("ARC")), ("ARC", new CyberOperation("DAN")));
        var breach = Only(bed);
        Assert.Equal(("ceasefire", "BOR", "o1"), (breach.ClauseId, breach.Violator, breach.OrderId));
        Assert.Equal(NegotiationPhase.Breached, bed.State.Phase);
    }

    [Fact]
    public void A_ceasefire_is_breached_by_forces_sent_into_another_party()
    {
        var bed = NegotiationBed.InForce();
        bed.Review(2, null, ("ARC", new DeployForces(DeploymentArea.Ally, "BOR")), ("ARC", new DeployForces(DeploymentArea.Home)));
        Assert.Equal("ARC", Only(bed).Violator);
    }

    [Fact]
    public void A_withdrawal_line_is_breached_by_a_deployment_to_the_border_beyond_it()
    {
        var bed = NegotiationBed.InForce(null, new WithdrawalLineClause("line", "ARC", "BOR"));
        bed.Review(2, null, ("BOR", new DeployForces(DeploymentArea.Border, "ARC")), ("ARC", new DeployForces(DeploymentArea.Border, "BOR")));
        var breach = Only(bed);
        Assert.Equal(("line", "ARC"), (breach.ClauseId, breach.Violator));
        Assert.Contains("withdrawal line", breach.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_notice_is_breached_by_an_unannounced_joint_exercise_and_kept_by_an_announced_one()
    {
        var bed = NegotiationBed.InForce(null, new ConfidenceBuildingClause("notice", ConfidenceMeasure.AdvanceNoticeOfExercises, ["ARC", "BOR"]));
        bed.Review(2, null, ("ARC", new JointExercise("CAL", Announced: false)), ("BOR", new JointExercise("DAN", Announced: true)));
        Assert.Equal("ARC", Only(bed).Violator);
        var kept = Assert.Single(bed.State.MeasuresKept);
        Assert.Equal("BOR", kept.Nation);
        var confidence = Assert.Single(kept.Effects);
        Assert.Equal(("ARC", NegotiationEffects.KeptTrust), (confidence.Nation, confidence.Relations["BOR"].Trust));
    }

    [Fact]
    public void Arms_limits_are_breached_by_mobilisation()
    {
        var bed = NegotiationBed.InForce(null, new ConfidenceBuildingClause("limits", ConfidenceMeasure.ArmsLimits, ["BOR"]));
        bed.Review(2, null, ("ARC", new Mobilise()), ("BOR", new Mobilise()));
        Assert.Equal("BOR", Only(bed).Violator);
    }

    [Fact]
    public void Sanctions_relief_is_breached_by_new_sanctions()
    {
        var bed = NegotiationBed.InForce(null, new SanctionsReliefClause("relief", "ARC", "BOR", 2));
        bed.Review(2, null, ("ARC", new ImposeSanctions("BOR")));
        Assert.Equal("o1", Only(bed).OrderId);
    }

    [Fact]
    public void Sanctions_relief_is_breached_by_sanctions_kept_past_the_agreed_turn()
    {
        var bed = NegotiationBed.InForce(null, new SanctionsReliefClause("relief", "ARC", "BOR", 2));
        bed.Review(2, Sanctioning("ARC", "BOR"));
        Assert.Empty(bed.State.Breaches); // one turn served: still within the agreed time
        bed.Review(3, Sanctioning("ARC", "BOR"));
        var breach = Only(bed);
        Assert.Null(breach.OrderId);
        Assert.Contains("kept its sanctions", breach.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Sanctions_lifted_in_the_due_turn_keep_the_relief()
    {
        var bed = NegotiationBed.InForce(null, new SanctionsReliefClause("relief", "ARC", "BOR", 1));
        bed.Review(2, Sanctioning("ARC", "BOR"), ("ARC", new LiftSanctions("BOR")));
        Assert.Empty(bed.State.Breaches);
    }

    [Fact]
    public void A_breach_is_reported_to_the_parties_and_the_mediator_and_costs_the_violator_trust_and_standing()
    {
        var bed = NegotiationBed.InForce();
        bed.Review(2, null, ("BOR", new CyberOperation("ARC")));
        var reported = bed.Harness.Log.Single(e => e.Event is BreachReported);
        Assert.Equal(Audience.ToNations(["ARC", "BOR", "NEU"]), reported.Audience);
        Assert.False(reported.Audience.Allows(Participant.Team("CAL")));
        var effects = Only(bed).Effects;
        Assert.Equal(NegotiationEffects.BreachStanding, effects.Single(d => d.Nation == "BOR").Indices[NationIndex.InternationalStanding]);
        Assert.Equal(NegotiationEffects.BreachTrust, effects.Single(d => d.Nation == "ARC").Relations["BOR"].Trust);
        Assert.Contains(bed.State.Outbox, c => c.Delta.Nation == "BOR" && c.Summary.Contains("Breach of the agreement", StringComparison.Ordinal));
    }

    [Fact]
    public void Exercise_control_may_rule_a_breach_unfounded_with_a_reason_reversing_its_costs()
    {
        var bed = NegotiationBed.InForce();
        bed.Review(2, null, ("BOR", new CyberOperation("ARC")));
        var id = Only(bed).BreachId;
        Decision Rule(Participant who, string reason, string breachId) =>
            bed.Harness.Do(s => NegotiationRules.RuleBreachUnfounded(s, who, new RuleBreachUnfounded(breachId, reason), bed.Now));

        DecisionAssert.Rejected(Rule(Participant.Team("BOR"), "It was not us.", id), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(Rule(Participant.Team("NEU"), "Mediator's view.", id), RejectionCodes.Forbidden);
        Assert.Equal("reason", DecisionAssert.Rejected(Rule(Participant.Facilitator, " ", id), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("breachId", DecisionAssert.Rejected(Rule(Participant.Facilitator, "No.", "nope"), RejectionCodes.NotFound).Field);

        Assert.True(Rule(Participant.Facilitator, "Attribution to BOR was never established.", id).IsAccepted);
        Assert.Equal(BreachStatus.Unfounded, Only(bed).Status);
        Assert.Equal(NegotiationPhase.InForce, bed.State.Phase);
        var reversal = Assert.Single(bed.Harness.Events<BreachRuledUnfounded>()).Effects;
        Assert.Equal(-NegotiationEffects.BreachStanding, reversal.Single(d => d.Nation == "BOR").Indices[NationIndex.InternationalStanding]);
        DecisionAssert.Rejected(Rule(Participant.Facilitator, "Again.", id), NegotiationRejectionCodes.AlreadyRecorded);
    }

    [Fact]
    public void An_agreement_expires_after_its_duration_in_turns()
    {
        var bed = NegotiationBed.InForce(duration: 2);
        bed.Review(2);
        Assert.Equal(NegotiationPhase.InForce, bed.State.Phase);
        bed.Review(3);
        Assert.Equal(NegotiationPhase.Expired, bed.State.Phase);
        bed.Review(4, null, ("BOR", new CyberOperation("ARC")));
        Assert.Empty(bed.State.Breaches); // an expired agreement binds nobody
    }

    [Fact]
    public void Each_turn_is_reviewed_once()
    {
        var bed = NegotiationBed.InForce();
        bed.Review(2, null, ("BOR", new CyberOperation("ARC")));
        Assert.Empty(bed.Review(2, null, ("BOR", new CyberOperation("ARC"))).Events);
        Assert.Single(bed.State.Breaches);
        Assert.Equal(1, bed.State.TurnsServed);
    }

    [Fact]
    public void Nothing_binds_anyone_before_the_agreement_is_in_force()
    {
        var bed = NegotiationBed.Drafting();
        Assert.Empty(bed.Review(2, null, ("BOR", new CyberOperation("ARC"))).Events);
        DecisionAssert.Rejected(bed.Harness.Do(s => NegotiationRules.ReviewCompliance(s, Participant.Team("ARC"), new ReviewCompliance(NegotiationBed.Turn(2, null)), bed.Now)), RejectionCodes.Forbidden);
    }
}
