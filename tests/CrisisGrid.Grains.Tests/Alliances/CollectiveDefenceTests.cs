using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

public class CollectiveDefenceTests
{
    private static readonly DraftProposal Invoke = new CollectiveDefenceProposal("attack-1");

    /// <summary>An attack on EST on record and collective defence invoked by consensus of all three members.</summary>
    internal static AllianceBed Invoked(Charter? charter = null)
    {
        var bed = AllianceBed.Create(charter);
        bed.RecordAttack();
        Assert.True(bed.Table("EST", Invoke).IsAccepted);
        bed.AllVote(VoteChoice.Yes, "d1", "EST", "NOR", "SWE");
        Assert.Equal(DraftStatus.Passed, bed.Draft().Status);
        return bed;
    }

    [Fact]
    public void Collective_defence_is_refused_when_no_armed_attack_is_on_record()
    {
        var bed = AllianceBed.Create();
        var rejection = DecisionAssert.Rejected(bed.Table("EST", Invoke), AllianceRejectionCodes.NoArmedAttack);
        Assert.Contains("armed attack on a member", rejection.Message, StringComparison.Ordinal);
        Assert.Empty(bed.State.Drafts);
    }

    [Fact]
    public void Collective_defence_must_cite_an_attack_that_is_on_record()
    {
        var bed = AllianceBed.Create();
        bed.RecordAttack();
        var rejection = DecisionAssert.Rejected(bed.Table("EST", new CollectiveDefenceProposal("attack-9")), AllianceRejectionCodes.NoArmedAttack);
        Assert.Contains("attack-1", rejection.Allowed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attack_on_a_non_member_does_not_open_the_way_to_collective_defence()
    {
        var bed = AllianceBed.Create();
        bed.RecordAttack(victim: "FIN");
        DecisionAssert.Rejected(bed.Table("EST", Invoke), AllianceRejectionCodes.NoArmedAttack);
    }

    [Fact]
    public void Invocation_follows_the_charters_rule_and_a_passed_decision_records_collective_defence_invoked()
    {
        var bed = Invoked();
        var invocation = Assert.Single(bed.State.Invocations.Values);
        Assert.Equal(("d1", "attack-1", "RUS", "EST"), (invocation.Id, invocation.AttackId, invocation.Attacker, invocation.Victim));
        Assert.Equal(bed.Now + AllianceBed.PositionsDueWithin, invocation.ResponsesDue);
        Assert.Equal(["EST", "NOR", "SWE"], invocation.Owing.AsEnumerable());
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), bed.Harness.Log[^1].Audience);
    }

    [Fact]
    public void A_blocked_invocation_invokes_nothing()
    {
        var bed = AllianceBed.Create();
        bed.RecordAttack();
        bed.Table("EST", Invoke);
        bed.Vote("SWE", VoteChoice.No);
        Assert.Equal(DraftStatus.Failed, bed.Draft().Status);
        Assert.Empty(bed.State.Invocations);
        Assert.Empty(bed.Harness.Events<CollectiveDefenceInvoked>());
    }

    [Fact]
    public void Collective_defence_is_invoked_once_per_attack()
    {
        var bed = Invoked();
        DecisionAssert.Rejected(bed.Table("NOR", Invoke, id: "d2"), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Members_record_responses_once_and_the_round_closes_early_when_all_responded()
    {
        var bed = Invoked();
        Assert.True(bed.Respond("EST", ResponseKind.Military).IsAccepted);
        DecisionAssert.Rejected(bed.Respond("EST", ResponseKind.Economic), AllianceRejectionCodes.AlreadyRecorded);
        bed.Respond("NOR", ResponseKind.Diplomatic);
        bed.Respond("SWE", ResponseKind.None);
        var invocation = bed.State.Invocations["d1"];
        Assert.True(invocation.Closed);
        Assert.Empty(invocation.FreeRiders);
    }

    [Fact]
    public void Members_that_do_not_respond_by_the_deadline_are_flagged_as_free_riders_visible_to_members()
    {
        var bed = Invoked();
        bed.Respond("EST", ResponseKind.Military);
        var due = bed.State.Invocations["d1"].ResponsesDue;
        bed.Now = due.AddMinutes(10);
        DecisionAssert.Rejected(bed.Respond("NOR", ResponseKind.Diplomatic), RejectionCodes.InvalidState); // too late
        bed.Settle();
        var invocation = bed.State.Invocations["d1"];
        Assert.True(invocation.Closed);
        Assert.Equal(due, invocation.ClosedAt);
        Assert.Equal(["NOR", "SWE"], invocation.FreeRiders.AsEnumerable());
        var closed = Assert.Single(bed.Harness.Log, e => e.Event is DefenceResponsesClosed);
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), closed.Audience);
        Assert.Equal(["NOR", "SWE"], AllianceViews.For(bed.State, AllianceBed.Team("EST")).Member!.CollectiveDefence.Single().FreeRiders.AsEnumerable());
        Assert.Null(AllianceViews.For(bed.State, AllianceBed.Team("RUS")).Member);
    }

    [Fact]
    public void A_response_needs_a_description_and_an_invocation_that_exists()
    {
        var bed = Invoked();
        DecisionAssert.Rejected(
            bed.Do((s, now) => AllianceRules.RecordDefenceResponse(s, AllianceBed.Team("NOR"), new RecordDefenceResponse("d1", "NOR", ResponseKind.None, " "), now)),
            RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(bed.Respond("NOR", invocation: "nope"), RejectionCodes.NotFound);
    }
}
