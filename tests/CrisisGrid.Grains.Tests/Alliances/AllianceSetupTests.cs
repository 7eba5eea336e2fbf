using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

public class AllianceSetupTests
{
    private static RuleHarness<AllianceState> Fresh() =>
        new(AllianceState.Empty("NAT"), "alliance/NAT", (s, e) => AllianceEvolve.Apply(s, e.Event));

    private static Decision Initialize(AllianceDefinition definition, Participant? actor = null) =>
        Fresh().Do(s => AllianceRules.Initialize(s, actor ?? Participant.Facilitator, new InitializeAlliance(definition, AllianceBed.Nations)));

    private static AllianceDefinition Definition(Charter? charter = null, ImmutableArray<string>? members = null, AllianceType type = AllianceType.Multilateral) =>
        new("NAT", "Northern Alliance Treaty", type, members ?? ["EST", "NOR", "SWE"], charter ?? AllianceBed.Charter());

    [Fact]
    public void Initialization_records_the_charter_and_members_for_the_members()
    {
        var bed = AllianceBed.Create();
        Assert.True(bed.State.Initialized);
        Assert.Equal(["EST", "NOR", "SWE"], bed.State.Members);
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), Assert.Single(bed.Harness.Log).Audience);
    }

    [Fact]
    public void Only_exercise_control_sets_an_alliance_up_and_only_once()
    {
        DecisionAssert.Rejected(Initialize(Definition(), Participant.Team("NOR")), RejectionCodes.Forbidden);
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(
            bed.Harness.Do(s => AllianceRules.Initialize(s, Participant.Facilitator, new InitializeAlliance(Definition(), AllianceBed.Nations))),
            RejectionCodes.InvalidState);
    }

    [Fact]
    public void A_qualified_majority_without_a_threshold_is_refused_at_set_up()
    {
        var charter = AllianceBed.CharterWithDefault(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority));
        var rejection = DecisionAssert.Rejected(Initialize(Definition(charter)), RejectionCodes.InvalidArgument);
        Assert.Equal("definition.charter.decisionRules.Default.threshold", rejection.Field);
    }

    [Theory]
    [InlineData(1.5, null)]
    [InlineData(0.0, null)]
    [InlineData(0.5, 1.2)]
    [InlineData(0.5, -0.1)]
    public void Thresholds_and_quorums_outside_their_ranges_are_refused(double threshold, double? quorum)
    {
        var charter = AllianceBed.CharterWithDefault(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, threshold, quorum: quorum));
        DecisionAssert.Rejected(Initialize(Definition(charter)), RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void A_bilateral_alliance_needs_exactly_two_members_and_members_must_be_nations_of_the_exercise()
    {
        DecisionAssert.Rejected(Initialize(Definition(type: AllianceType.Bilateral)), RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(Initialize(Definition(members: ["EST", "XXX"])), RejectionCodes.NotFound);
        DecisionAssert.Rejected(Initialize(Definition(members: ["EST"])), RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void The_rule_for_a_kind_is_its_own_entry_else_the_charters_default_else_consensus()
    {
        var silence = AllianceBed.Rule(DecisionRuleKind.SilenceProcedure);
        var charter = AllianceBed.Charter((DecisionKind.JointDeployment, silence));
        Assert.Equal(silence, AllianceRules.RuleFor(charter, DecisionKind.JointDeployment).Rule);
        Assert.Equal(DecisionRuleKind.Consensus, AllianceRules.RuleFor(charter, DecisionKind.CollectiveStatement).Rule.Kind);
        Assert.Contains("default", AllianceRules.RuleFor(charter, DecisionKind.CollectiveStatement).Note, StringComparison.Ordinal);

        var bare = charter with { DecisionRules = ImmutableDictionary<DecisionKind, DecisionRule>.Empty };
        Assert.Equal(DecisionRule.DefaultConsensus, AllianceRules.RuleFor(bare, DecisionKind.Suspension).Rule);
    }

    [Fact]
    public void An_alliance_that_is_not_set_up_refuses_every_command_as_not_initialized()
    {
        var harness = Fresh();
        var decision = harness.Do(s => AllianceRules.RequestConsultation(s, Participant.Team("NOR"), new RequestConsultation("c1", "NOR", null, "threat"), harness.Now));
        DecisionAssert.Rejected(decision, RejectionCodes.NotInitialized);
    }

    [Fact]
    public void Armed_attacks_are_recorded_once_and_only_on_members()
    {
        var bed = AllianceBed.Create();
        bed.Accept((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Facilitator, new RecordArmedAttack("a1", "RUS", "EST", "inject-7"), now));
        bed.Accept((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Facilitator, new RecordArmedAttack("a1", "RUS", "EST", "inject-7"), now));
        bed.Accept((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Facilitator, new RecordArmedAttack("a2", "RUS", "FIN", "inject-8"), now));
        Assert.Equal(["a1"], bed.State.Attacks.Select(a => a.AttackId));
        DecisionAssert.Rejected(
            bed.Do((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Team("EST"), new RecordArmedAttack("a3", "RUS", "EST", "inject-9"), now)),
            RejectionCodes.Forbidden);
    }
}
