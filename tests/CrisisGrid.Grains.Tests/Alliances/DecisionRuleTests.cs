using System.Collections.Immutable;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>Each decision rule, pass and fail, through the alliance's rules (tabling, votes, deadlines).</summary>
public class DecisionRuleTests
{
    private static readonly DraftProposal Statement = new CollectiveStatementProposal("We stand with Estmark.");

    private static AllianceBed Tabled(DecisionRule rule, ImmutableArray<string>? members = null)
    {
        var bed = AllianceBed.Create(AllianceBed.CharterWithDefault(rule), members);
        Assert.True(bed.Table("NOR", Statement).IsAccepted);
        return bed;
    }

    // ---- Tabling ------------------------------------------------------------------------------------------------

    [Fact]
    public void Tabling_snapshots_the_charters_rule_and_sets_the_deadline()
    {
        var rule = AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.6);
        var bed = Tabled(rule);
        var draft = bed.Draft();
        Assert.Equal(rule, draft.Rule);
        Assert.Equal(bed.Now + AllianceBed.VoteDeadline, draft.Deadline);
        Assert.Equal(DraftStatus.Open, draft.Status);
        Assert.Equal("NOR", draft.TabledBy);
    }

    [Fact]
    public void Two_open_drafts_on_the_same_matter_are_refused()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        DecisionAssert.Rejected(bed.Table("EST", Statement, id: "d2"), RejectionCodes.InvalidState);
        Assert.True(bed.Table("EST", new CollectiveStatementProposal("Another text."), id: "d2").IsAccepted);
    }

    [Fact]
    public void Draft_ids_are_unique_and_proposals_are_checked()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        Assert.Equal("draftId", DecisionAssert.Rejected(bed.Table("EST", new CollectiveStatementProposal("Other.")), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("proposal.text", DecisionAssert.Rejected(bed.Table("EST", new CollectiveStatementProposal(" "), id: "d2"), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("proposal.nation", DecisionAssert.Rejected(bed.Table("EST", new JointDeploymentProposal("XXX"), id: "d2"), RejectionCodes.NotFound).Field);
    }

    [Fact]
    public void The_tabling_member_may_withdraw_an_open_draft_and_nobody_else_can()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        DecisionAssert.Rejected(bed.Withdraw("EST"), RejectionCodes.Forbidden);
        Assert.True(bed.Withdraw("NOR").IsAccepted);
        Assert.Equal(DraftStatus.Withdrawn, bed.Draft().Status);
        DecisionAssert.Rejected(bed.Vote("EST", VoteChoice.Yes), AllianceRejectionCodes.DraftClosed);
        bed.Advance(TimeSpan.FromHours(1));
        bed.Settle();
        Assert.Equal(DraftStatus.Withdrawn, bed.Draft().Status); // a withdrawn draft is never decided
    }

    // ---- Consensus ----------------------------------------------------------------------------------------------

    [Fact]
    public void Consensus_one_objection_blocks_it_at_once()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        bed.Vote("EST", VoteChoice.Yes);
        bed.Vote("SWE", VoteChoice.No);
        var draft = bed.Draft();
        Assert.Equal(DraftStatus.Failed, draft.Status);
        Assert.Equal(bed.Now, draft.Result!.At);
        Assert.Contains("SWE objected", draft.Result.Reason, StringComparison.Ordinal);
        DecisionAssert.Rejected(bed.Vote("NOR", VoteChoice.Yes), AllianceRejectionCodes.DraftClosed);
    }

    [Fact]
    public void Consensus_passes_at_the_deadline_when_nobody_objects_even_if_some_stayed_silent()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        bed.Vote("EST", VoteChoice.Yes);
        bed.Now = bed.Draft().Deadline.AddTicks(-1);
        bed.Settle();
        Assert.Equal(DraftStatus.Open, bed.Draft().Status);
        bed.Now = bed.Draft().Deadline;
        bed.Settle();
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
        Assert.Equal(bed.Draft().Deadline, bed.Draft().Result!.At);
    }

    [Fact]
    public void Consensus_passes_early_once_every_eligible_member_spoke_without_objecting()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        bed.Vote("SWE", VoteChoice.Abstain);
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
    }

    // ---- Unanimity ----------------------------------------------------------------------------------------------

    [Fact]
    public void Unanimity_passes_as_soon_as_every_eligible_member_voted_yes()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        Assert.Equal(DraftStatus.Open, bed.Draft().Status);
        bed.Vote("SWE", VoteChoice.Yes);
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
    }

    [Fact]
    public void Unanimity_fails_on_a_single_abstention()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        bed.Vote("SWE", VoteChoice.Abstain);
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
        Assert.Contains("SWE (abstain)", bed.Draft().Result!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unanimity_fails_on_a_single_no_without_waiting_for_the_others()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.Vote("EST", VoteChoice.No);
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
    }

    [Fact]
    public void Unanimity_fails_at_the_deadline_when_a_member_has_not_voted()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR");
        bed.Now = bed.Draft().Deadline;
        bed.Settle();
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
        Assert.Contains("SWE did not vote", bed.Draft().Result!.Reason, StringComparison.Ordinal);
    }

    // ---- Qualified majority -------------------------------------------------------------------------------------

    // Weights EST 1, NOR 3, SWE 2, FIN (admitted below) 2: total 8 with four members, 6 with three.
    private static readonly ImmutableDictionary<string, int> Weights =
        ImmutableDictionary<string, int>.Empty.Add("EST", 1).Add("NOR", 3).Add("SWE", 2).Add("FIN", 2);

    [Theory]
    [InlineData(0.5, new[] { "NOR" }, DraftStatus.Passed)] // 3 of 6 = exactly at 0.5: passes
    [InlineData(0.51, new[] { "NOR" }, DraftStatus.Failed)] // 3 < 3.06: just below
    [InlineData(0.5, new[] { "EST", "SWE" }, DraftStatus.Passed)] // 3 of 6 again, from two smaller members
    [InlineData(0.5, new[] { "SWE" }, DraftStatus.Failed)] // 2 < 3
    [InlineData(0.6, new[] { "NOR", "EST" }, DraftStatus.Passed)] // 4 ≥ 3.6: above
    [InlineData(0.6667, new[] { "NOR", "EST" }, DraftStatus.Failed)] // 4 < 4.0002: just below two thirds written as 0.6667
    [InlineData(2.0 / 3.0, new[] { "NOR", "EST" }, DraftStatus.Passed)] // 4 = 2/3 × 6: exactly at, despite floating point
    public void Qualified_majority_is_weighted_and_exactly_at_the_threshold_passes(double threshold, string[] yes, DraftStatus expected)
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, threshold, Weights));
        foreach (var member in new[] { "EST", "NOR", "SWE" })
        {
            if (bed.Draft().IsOpen)
            {
                bed.Vote(member, yes.Contains(member) ? VoteChoice.Yes : VoteChoice.No);
            }
        }

        bed.Now = bed.Draft().Deadline;
        bed.Settle();
        Assert.Equal(expected, bed.Draft().Status);
        Assert.Equal(6, bed.Draft().Result!.Tally.TotalWeight);
    }

    [Fact]
    public void Qualified_majority_is_decided_early_once_no_remaining_vote_can_change_it()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.5, Weights));
        bed.Vote("NOR", VoteChoice.Yes); // 3 of 6 already meets 0.5
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);

        var other = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.6, Weights));
        other.Vote("NOR", VoteChoice.No); // at most 3 of 6 left: 0.6 × 6 = 3.6 is out of reach
        Assert.Equal(DraftStatus.Failed, other.Draft().Status);
        Assert.Contains("out of reach", other.Draft().Result!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Qualified_majority_stays_open_while_the_outcome_can_still_change()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.6, Weights));
        bed.Vote("SWE", VoteChoice.Yes); // 2 of 6; NOR's 3 could still make it 5
        Assert.Equal(DraftStatus.Open, bed.Draft().Status);
    }

    [Theory]
    [InlineData(0.75, 2, DraftStatus.Failed)] // 2 of 3 voted < 2.25: quorum not met although the threshold is
    [InlineData(0.66, 2, DraftStatus.Passed)] // 2 ≥ 1.98
    [InlineData(2.0 / 3.0, 2, DraftStatus.Passed)] // exactly at the quorum
    [InlineData(1.0, 3, DraftStatus.Passed)] // everyone voted
    public void Qualified_majority_needs_its_quorum_of_eligible_members_to_take_part(double quorum, int voters, DraftStatus expected)
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 0.5, quorum: quorum));
        var members = new[] { "NOR", "EST", "SWE" }.Take(voters).ToArray();
        bed.Vote(members[0], VoteChoice.Yes);
        bed.Vote(members[1], VoteChoice.Yes);
        if (voters == 3 && bed.Draft().IsOpen)
        {
            bed.Vote(members[2], VoteChoice.Abstain);
        }

        bed.Now = bed.Draft().Deadline;
        bed.Settle();
        Assert.Equal(expected, bed.Draft().Status);
        if (expected == DraftStatus.Failed)
        {
            Assert.Contains("quorum not met", bed.Draft().Result!.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Qualified_majority_with_unweighted_votes_counts_one_each()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.QualifiedMajority, 2.0 / 3.0));
        bed.Vote("EST", VoteChoice.Yes);
        bed.Vote("SWE", VoteChoice.Yes);
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
        Assert.Equal((2, 3), (bed.Draft().Result!.Tally.YesWeight, bed.Draft().Result!.Tally.TotalWeight));
    }

    // ---- Silence procedure --------------------------------------------------------------------------------------

    [Fact]
    public void Silence_procedure_passes_at_its_deadline_when_nobody_breaks_silence()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.SilenceProcedure));
        var deadline = bed.Draft().Deadline;
        bed.Now = deadline.AddMinutes(-1);
        bed.Settle();
        Assert.Equal(DraftStatus.Open, bed.Draft().Status);
        bed.Now = deadline;
        bed.Settle();
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
        Assert.Equal(deadline, bed.Draft().Result!.At);
    }

    [Fact]
    public void Silence_broken_one_tick_before_the_deadline_fails_the_draft()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.SilenceProcedure));
        bed.Now = bed.Draft().Deadline.AddTicks(-1);
        Assert.True(bed.BreakSilence("SWE", "Our parliament has not been consulted.").IsAccepted);
        var result = bed.Draft().Result!;
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
        Assert.Equal("SWE", result.Tally.SilenceBrokenBy);
        Assert.Contains("Our parliament has not been consulted.", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Breaking_silence_at_the_deadline_is_refused_because_the_draft_already_passed()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.SilenceProcedure));
        bed.Now = bed.Draft().Deadline;
        var rejection = DecisionAssert.Rejected(bed.BreakSilence("SWE"), AllianceRejectionCodes.DraftClosed);
        Assert.Contains("passed", rejection.Message, StringComparison.Ordinal);
        bed.Settle();
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);

        bed.Advance(TimeSpan.FromHours(1));
        DecisionAssert.Rejected(bed.BreakSilence("EST"), AllianceRejectionCodes.DraftClosed);
    }

    [Fact]
    public void Breaking_silence_needs_a_stated_reason()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.SilenceProcedure));
        Assert.Equal("reason", DecisionAssert.Rejected(bed.BreakSilence("SWE", "  "), RejectionCodes.InvalidArgument).Field);
        Assert.Equal(DraftStatus.Open, bed.Draft().Status);
    }

    [Fact]
    public void Votes_are_refused_under_the_silence_procedure_and_silence_cannot_be_broken_under_other_rules()
    {
        var silence = Tabled(AllianceBed.Rule(DecisionRuleKind.SilenceProcedure));
        Assert.Equal("breakSilence", DecisionAssert.Rejected(silence.Vote("SWE", VoteChoice.No), RejectionCodes.InvalidArgument).Allowed);
        var consensus = Tabled(AllianceBed.Rule(DecisionRuleKind.Consensus));
        Assert.Equal("castVote", DecisionAssert.Rejected(consensus.BreakSilence("SWE"), RejectionCodes.InvalidArgument).Allowed);
    }

    // ---- Votes --------------------------------------------------------------------------------------------------

    [Fact]
    public void A_vote_is_cast_once_and_cannot_be_changed()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.Vote("EST", VoteChoice.Yes);
        DecisionAssert.Rejected(bed.Vote("EST", VoteChoice.No), AllianceRejectionCodes.AlreadyRecorded);
        Assert.Equal(VoteChoice.Yes, bed.Draft().Votes["EST"].Choice);
    }

    [Fact]
    public void A_vote_after_the_deadline_is_refused_because_the_draft_was_decided_at_it()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.Now = bed.Draft().Deadline.AddSeconds(1);
        DecisionAssert.Rejected(bed.Vote("EST", VoteChoice.Yes), AllianceRejectionCodes.DraftClosed);
    }

    [Fact]
    public void Voting_on_an_unknown_draft_is_not_found()
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(bed.Vote("EST", VoteChoice.Yes, id: "nope"), RejectionCodes.NotFound);
    }

    [Fact]
    public void Every_decision_keeps_the_tally_it_was_made_on()
    {
        var bed = Tabled(AllianceBed.Rule(DecisionRuleKind.Unanimity));
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        var tally = bed.Draft().Result!.Tally;
        Assert.Equal(["EST", "NOR", "SWE"], tally.Eligible.AsEnumerable());
        Assert.All(tally.Votes.Values, v => Assert.Equal(VoteChoice.Yes, v));
        Assert.Single(bed.Harness.Events<DraftDecided>());
    }
}
