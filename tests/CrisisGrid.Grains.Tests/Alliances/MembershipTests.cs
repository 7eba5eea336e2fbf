using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

public class MembershipTests
{
    private static readonly DraftProposal AdmitFinland = new AdmissionProposal("FIN");
    private static readonly DraftProposal Statement = new CollectiveStatementProposal("We stand together.");

    // ---- Accession ----------------------------------------------------------------------------------------------

    [Fact]
    public void Admission_needs_unanimity_whatever_the_charter_says_and_says_so()
    {
        var bed = AllianceBed.Create(AllianceBed.CharterWithDefault(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.5)));
        bed.Table("NOR", AdmitFinland);
        var draft = bed.Draft();
        Assert.Equal(DecisionRuleKind.Unanimity, draft.Rule.Kind);
        Assert.Equal(AllianceBed.VoteDeadline, draft.Rule.Deadline);
        Assert.Contains("unanimity", draft.RuleNote, StringComparison.Ordinal);
        Assert.Contains("qualifiedMajority rule does not apply", draft.RuleNote, StringComparison.Ordinal);

        bed.AllVote(VoteChoice.Yes, "d1", "NOR", "EST"); // 2 of 3 would be a qualified majority at 0.5…
        Assert.Equal(DraftStatus.Open, bed.Draft().Status); // …but admission waits for everyone
        bed.Vote("SWE", VoteChoice.Abstain);
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
        Assert.False(bed.State.IsMember("FIN"));
    }

    [Fact]
    public void A_unanimous_admission_adds_the_nation_publicly_and_it_then_votes()
    {
        var bed = AllianceBed.Create();
        bed.Table("NOR", AdmitFinland);
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        Assert.True(bed.State.IsMember("FIN"));
        var admitted = Assert.Single(bed.Harness.Log, e => e.Event is MemberAdmitted);
        Assert.Equal(Audience.Public, admitted.Audience);

        bed.Table("EST", Statement, id: "d2");
        Assert.Contains("FIN", bed.State.EligibleFor(bed.Draft("d2")));
        Assert.True(bed.Vote("FIN", VoteChoice.Yes, "d2").IsAccepted);
    }

    [Fact]
    public void Admission_of_a_member_or_into_a_bilateral_alliance_is_refused()
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(bed.Table("NOR", new AdmissionProposal("EST")), RejectionCodes.InvalidState);
        DecisionAssert.Rejected(bed.Table("NOR", new AdmissionProposal("XXX")), RejectionCodes.NotFound);
        var bilateral = AllianceBed.Create(members: ["EST", "NOR"], type: AllianceType.Bilateral);
        DecisionAssert.Rejected(bilateral.Table("NOR", AdmitFinland), RejectionCodes.InvalidState);
    }

    // ---- Withdrawal ---------------------------------------------------------------------------------------------

    [Fact]
    public void Withdrawal_takes_effect_only_after_the_notice_period()
    {
        var bed = AllianceBed.Create();
        Assert.True(bed.GiveNotice("SWE").IsAccepted);
        var effective = bed.State.Withdrawals["SWE"].EffectiveAt;
        Assert.Equal(bed.Now + AllianceBed.WithdrawalNotice, effective);
        DecisionAssert.Rejected(bed.GiveNotice("SWE"), RejectionCodes.InvalidState);

        bed.Now = effective.AddTicks(-1);
        bed.Settle();
        Assert.True(bed.State.IsMember("SWE"));

        bed.Now = effective;
        bed.Settle();
        Assert.False(bed.State.IsMember("SWE"));
        Assert.Contains("SWE", bed.State.FormerMembers);
        Assert.Equal(Audience.Public, Assert.Single(bed.Harness.Log, e => e.Event is MemberWithdrew).Audience);
        DecisionAssert.Rejected(bed.Request("SWE", id: "c9"), RejectionCodes.Forbidden);
    }

    [Fact]
    public void A_member_under_notice_is_still_bound_it_counts_in_votes_and_owes_responses()
    {
        var bed = AllianceBed.Create(AllianceBed.CharterWithDefault(AllianceBed.Rule(DecisionRuleKind.Unanimity)));
        bed.RecordAttack();
        bed.GiveNotice("SWE");
        bed.Table("EST", Statement);
        Assert.Contains("SWE", bed.State.EligibleFor(bed.Draft()));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        Assert.Equal(DraftStatus.Open, bed.Draft().Status); // SWE's yes is still needed

        bed.Table("EST", new CollectiveDefenceProposal("attack-1"), id: "d2");
        bed.AllVote(VoteChoice.Yes, "d2", "EST", "NOR", "SWE");
        Assert.Contains("SWE", bed.State.Invocations["d2"].Owing);
        bed.Now = bed.State.Invocations["d2"].ResponsesDue;
        bed.Settle();
        Assert.Contains("SWE", bed.State.Invocations["d2"].FreeRiders);
    }

    [Fact]
    public void A_withdrawal_that_takes_effect_during_a_vote_removes_the_member_from_the_count_at_that_instant()
    {
        var charter = AllianceBed.CharterWithDefault(new DecisionRule(DecisionRuleKind.Unanimity, TimeSpan.FromHours(48)));
        var bed = AllianceBed.Create(charter);
        bed.GiveNotice("SWE");
        bed.Table("EST", Statement);
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        bed.Now = bed.State.Withdrawals["SWE"].EffectiveAt.AddHours(1);
        bed.Settle();
        var result = bed.Draft().Result!;
        Assert.Equal(DraftStatus.Passed, result.Status);
        Assert.Equal(bed.Now.AddHours(-1), result.At); // decided when SWE left, not when the catch-up ran
        Assert.Equal(["EST", "NOR"], result.Tally.Eligible.AsEnumerable());
    }

    // ---- Suspension ---------------------------------------------------------------------------------------------

    private static AllianceBed Suspended(string member = "SWE")
    {
        var bed = AllianceBed.Create();
        bed.Table("NOR", new SuspensionProposal(member), id: "s1");
        var voters = new[] { "EST", "NOR", "SWE" }.Where(m => m != member).ToArray();
        bed.AllVote(VoteChoice.Yes, "s1", voters);
        Assert.True(bed.State.IsSuspended(member));
        return bed;
    }

    [Fact]
    public void The_member_concerned_does_not_vote_on_its_own_suspension()
    {
        var bed = AllianceBed.Create();
        bed.Table("NOR", new SuspensionProposal("SWE"), id: "s1");
        Assert.DoesNotContain("SWE", bed.State.EligibleFor(bed.Draft("s1")));
        DecisionAssert.Rejected(bed.Vote("SWE", VoteChoice.No, "s1"), AllianceRejectionCodes.NotEligible);
        Assert.Equal(DraftStatus.Open, bed.Draft("s1").Status);
        DecisionAssert.Rejected(bed.Table("SWE", new SuspensionProposal("SWE"), id: "s2"), RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void A_passed_suspension_is_told_to_the_suspended_member_too()
    {
        var bed = Suspended();
        var suspended = Assert.Single(bed.Harness.Log, e => e.Event is MemberSuspended);
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), suspended.Audience);
    }

    [Fact]
    public void A_suspended_member_cannot_vote_request_or_table()
    {
        var bed = Suspended();
        bed.Table("NOR", Statement);
        DecisionAssert.Rejected(bed.Vote("SWE", VoteChoice.No), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(bed.Request("SWE", id: "c9"), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(bed.Table("SWE", new CollectiveStatementProposal("Other."), id: "d9"), RejectionCodes.Forbidden);
        Assert.Equal(["EST", "NOR"], bed.State.EligibleFor(bed.Draft()).AsEnumerable());

        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status); // a suspended member's vote is not needed
    }

    [Fact]
    public void A_suspended_member_no_longer_receives_or_reads_alliance_traffic_but_may_still_leave()
    {
        var bed = Suspended();
        bed.Request("EST", id: "c9");
        Assert.DoesNotContain("SWE", bed.Harness.Log[^1].Audience.Nations);
        Assert.Null(AllianceViews.For(bed.State, AllianceBed.Team("SWE")).Member);
        Assert.Contains("SWE", AllianceViews.For(bed.State, AllianceBed.Team("SWE")).Members);
        Assert.True(bed.GiveNotice("SWE").IsAccepted);
    }

    [Fact]
    public void Suspension_needs_a_member_in_good_standing()
    {
        var bed = Suspended();
        DecisionAssert.Rejected(bed.Table("NOR", new SuspensionProposal("SWE"), id: "s2"), RejectionCodes.InvalidState);
        DecisionAssert.Rejected(bed.Table("NOR", new SuspensionProposal("FIN"), id: "s3"), RejectionCodes.NotFound);
    }

    [Fact]
    public void A_member_suspended_after_an_invocation_still_owes_its_response()
    {
        var bed = CollectiveDefenceTests.Invoked();
        bed.Table("NOR", new SuspensionProposal("SWE"), id: "s1");
        bed.AllVote(VoteChoice.Yes, "s1", "EST", "NOR");
        Assert.True(bed.State.IsSuspended("SWE"));
        Assert.True(bed.Respond("SWE", ResponseKind.Humanitarian).IsAccepted);
    }

    [Fact]
    public void Eligibility_is_a_function_of_membership_not_of_who_was_there_when_the_draft_was_tabled()
    {
        var bed = AllianceBed.Create(members: ImmutableArray.Create("EST", "NOR", "SWE"));
        bed.Table("NOR", AdmitFinland);
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        bed.Table("EST", new SuspensionProposal("NOR"), id: "s1");
        Assert.Equal(["EST", "FIN", "SWE"], bed.State.EligibleFor(bed.Draft("s1")).AsEnumerable());
    }
}
