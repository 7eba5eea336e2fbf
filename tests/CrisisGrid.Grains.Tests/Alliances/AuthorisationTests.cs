using System.Collections.Immutable;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>Alliance-flagged orders: refused without a passed decision (naming it), accepted with one.</summary>
public class AuthorisationTests
{
    private const string Text = "The Northern Alliance stands with Estmark.";

    private static RuleHarness<NationState> OpenNation(string code)
    {
        var scenario = TestScenarios.Small();
        var nation = Harness.Nation(code);
        nation.Accept(s => NationRules.Initialize(s, Participant.Facilitator, new InitializeNation(scenario.FindNation(code)!, [.. scenario.Nations.Select(n => n.Code)], 4)));
        nation.Accept(s => NationRules.OpenOrders(s, Participant.Facilitator, new OpenOrders(1)));
        return nation;
    }

    private static Decision Submit(RuleHarness<NationState> nation, AllianceBed alliance, NationAction action)
    {
        var flagged = (IAllianceFlagged)action;
        var authorisation = AllianceRules.Authorise(alliance.State, nation.State.Code, flagged.DecisionKind, flagged.Subject, alliance.Now);
        return nation.Do(s => NationRules.Submit(s, Participant.Team(s.Code), new SubmitOrder("o1", action), authorisation));
    }

    private static AllianceBed Passed(DraftProposal proposal)
    {
        var bed = AllianceBed.Create();
        bed.Table("NOR", proposal);
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
        return bed;
    }

    [Fact]
    public void An_unauthorised_joint_deployment_is_refused_naming_the_missing_decision()
    {
        var nation = OpenNation("NOR");
        var rejection = DecisionAssert.Rejected(Submit(nation, AllianceBed.Create(), new JointDeployment("NAT", "EST")), AllianceRejectionCodes.NotAuthorised);
        Assert.Equal("NAT has no passed jointDeployment decision authorising a deployment to EST; table one first.", rejection.Message);
        Assert.Empty(nation.State.Orders);
        Assert.Equal(4, nation.State.ActionPoints);
    }

    [Fact]
    public void An_authorised_joint_deployment_is_accepted()
    {
        var alliance = Passed(new JointDeploymentProposal("EST", "Narva region"));
        var nation = OpenNation("NOR");
        Assert.True(Submit(nation, alliance, new JointDeployment("NAT", "EST")).IsAccepted);
        Assert.Equal(2, nation.State.ActionPoints);
        Assert.Equal("d1", AllianceRules.Authorise(alliance.State, "NOR", DecisionKind.JointDeployment, "EST", alliance.Now).DecisionId);
    }

    [Fact]
    public void A_decision_for_one_host_does_not_authorise_a_deployment_to_another()
    {
        var alliance = Passed(new JointDeploymentProposal("EST"));
        var nation = OpenNation("EST");
        var rejection = DecisionAssert.Rejected(Submit(nation, alliance, new JointDeployment("NAT", "SWE")), AllianceRejectionCodes.NotAuthorised);
        Assert.Contains("deployment to SWE", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_or_still_open_decision_authorises_nothing_and_the_refusal_points_to_the_open_draft()
    {
        var alliance = AllianceBed.Create();
        alliance.Table("NOR", new JointDeploymentProposal("EST"));
        var nation = OpenNation("NOR");
        var rejection = DecisionAssert.Rejected(Submit(nation, alliance, new JointDeployment("NAT", "EST")), AllianceRejectionCodes.NotAuthorised);
        Assert.Contains("draft d1 is still open", rejection.Message, StringComparison.Ordinal);

        alliance.Vote("SWE", VoteChoice.No);
        DecisionAssert.Rejected(Submit(nation, alliance, new JointDeployment("NAT", "EST")), AllianceRejectionCodes.NotAuthorised);
    }

    [Fact]
    public void A_silence_procedure_that_ran_out_authorises_from_its_deadline_without_anyone_settling_it()
    {
        var alliance = AllianceBed.Create(AllianceBed.Charter((DecisionKind.JointDeployment, AllianceBed.Rule(DecisionRuleKind.SilenceProcedure))));
        alliance.Table("NOR", new JointDeploymentProposal("EST"));
        alliance.Now = alliance.Draft().Deadline;
        Assert.True(AllianceRules.Authorise(alliance.State, "NOR", DecisionKind.JointDeployment, "EST", alliance.Now).Granted);
    }

    [Fact]
    public void A_collective_statement_is_authorised_only_word_for_word()
    {
        var alliance = Passed(new CollectiveStatementProposal(Text));
        var nation = OpenNation("EST");
        var rejection = DecisionAssert.Rejected(Submit(nation, alliance, new CollectiveStatement("NAT", Text + " Always.")), AllianceRejectionCodes.NotAuthorised);
        Assert.Contains("no passed collectiveStatement decision", rejection.Message, StringComparison.Ordinal);
        Assert.True(Submit(nation, alliance, new CollectiveStatement("NAT", Text)).IsAccepted);
    }

    [Fact]
    public void Without_an_authorisation_or_with_one_for_another_question_the_order_is_refused()
    {
        var alliance = Passed(new JointDeploymentProposal("EST"));
        var nation = OpenNation("NOR");
        DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new JointDeployment("NAT", "EST")))),
            AllianceRejectionCodes.NotAuthorised);
        var forSomeoneElse = AllianceRules.Authorise(alliance.State, "SWE", DecisionKind.JointDeployment, "EST", alliance.Now);
        Assert.True(forSomeoneElse.Granted);
        DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new JointDeployment("NAT", "EST")), forSomeoneElse)),
            AllianceRejectionCodes.NotAuthorised);
    }

    [Fact]
    public void A_non_member_or_suspended_member_cannot_act_in_the_alliances_name_even_with_a_decision()
    {
        var alliance = Passed(new JointDeploymentProposal("EST"));
        var russia = OpenNation("RUS");
        var rejection = DecisionAssert.Rejected(Submit(russia, alliance, new JointDeployment("NAT", "EST")), RejectionCodes.Forbidden);
        Assert.Contains("not a member of NAT", rejection.Message, StringComparison.Ordinal);

        alliance.Table("NOR", new SuspensionProposal("SWE"), id: "s1");
        alliance.AllVote(VoteChoice.Yes, "s1", "EST", "NOR");
        var sweden = OpenNation("SWE");
        Assert.True(AllianceRules.Authorise(alliance.State, "SWE", DecisionKind.JointDeployment, "EST", alliance.Now).IsMember);
        DecisionAssert.Rejected(Submit(sweden, alliance, new JointDeployment("NAT", "EST")), RejectionCodes.Forbidden);
    }

    [Fact]
    public void Only_joint_deployments_and_collective_statements_are_authorised_as_orders()
    {
        var alliance = AllianceBed.Create();
        var authorisation = AllianceRules.Authorise(alliance.State, "NOR", DecisionKind.Admission, "FIN", alliance.Now);
        Assert.Equal(RejectionCodes.InvalidArgument, authorisation.Refusal!.Code);
    }

    [Fact]
    public void Alliance_flagged_orders_are_validated_like_any_other()
    {
        var nation = OpenNation("NOR");
        var alliance = AllianceBed.Create();
        DecisionAssert.Rejected(Submit(nation, alliance, new CollectiveStatement("NAT", " ")), RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(Submit(nation, alliance, new JointDeployment("NAT", "NOR")), RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(
            nation.Do(s => NationRules.Submit(s, Participant.Team("NOR"), new SubmitOrder("o1", new JointDeployment("N/A", "EST")))),
            RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void A_refused_command_changes_nothing_asking_for_an_authorisation_that_is_refused_records_no_event()
    {
        var alliance = AllianceBed.Create();
        var refused = AllianceRules.Authorise(alliance.State, "NOR", DecisionKind.JointDeployment, "EST", alliance.Now);
        Assert.False(refused.Granted);
        Assert.Empty(AllianceRules.ProcessDeadlines(alliance.State, alliance.Now).Events);
        Assert.Equal(100, AllianceCohesion.Compute(alliance.State).Index);
    }

    [Fact]
    public void A_joint_deployment_is_adjudicated_as_a_deployment_to_the_host_with_public_news()
    {
        var scenario = TestScenarios.Small();
        var nations = scenario.Nations.Select(n => n.Code).ToImmutableArray();
        ClosedOrders Closed(string code, params NationAction[] actions)
        {
            var state = NationEvolve.Apply(NationState.Empty(code), new NationInitialized(
                scenario.FindNation(code)!,
                nations.Where(c => c != code).ToImmutableSortedDictionary(c => c, _ => new Relation(50, 60), StringComparer.Ordinal),
                4));
            return new ClosedOrders(1, state, [.. actions.Select((a, i) => new Order($"o{i}", 1, a, ActionCatalog.Cost(a)))]);
        }

        var result = Adjudicator.Adjudicate(new AdjudicationInput(1, 7, 0,
            [Closed("NOR", new JointDeployment("NAT", "EST"), new CollectiveStatement("NAT", Text)), Closed("EST"), Closed("RUS"), Closed("SWE")]));
        var deployment = result.Outcomes[0];
        var posture = deployment.Effects.Single(e => e.Delta.Nation == "NOR").Delta.Posture!;
        Assert.Equal((DeploymentArea.Ally, "EST"), (posture.Area, posture.Facing));
        Assert.Contains("under a NAT decision", deployment.Report!.Headline, StringComparison.Ordinal);
        Assert.True(deployment.Effects.Single(e => e.Delta.Nation == "EST").Delta.Relations["NOR"].Trust > 0);
        Assert.Equal(Text, result.Outcomes[1].Report!.Body);
    }
}
