using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

public class BurdenSharingAndIntelligenceTests
{
    [Fact]
    public void A_pledge_tracks_delivered_against_pledged_and_its_shortfall_when_it_falls_due()
    {
        var bed = AllianceBed.Create();
        Assert.True(bed.Pledge("NOR", 5, dueWithin: TimeSpan.FromHours(2)).IsAccepted);
        bed.Deliver("NOR", 2);
        Assert.Equal((5, 2, 3), (bed.State.Pledges["p1"].Amount, bed.State.Pledges["p1"].Delivered, bed.State.Pledges["p1"].Outstanding));

        bed.Advance(TimeSpan.FromHours(3));
        bed.Settle();
        var due = Assert.Single(bed.Harness.Events<PledgeFellDue>());
        Assert.Equal(3, due.Shortfall);
        Assert.Equal(bed.Now.AddHours(-1), due.At);
        Assert.True(bed.State.Pledges["p1"].FellDue);

        Assert.True(bed.Deliver("NOR", 3).IsAccepted); // late deliveries still count
        Assert.Equal(0, bed.State.Pledges["p1"].Outstanding);
        DecisionAssert.Rejected(bed.Deliver("NOR", 1), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Only_the_pledging_member_delivers_and_never_more_than_is_outstanding()
    {
        var bed = AllianceBed.Create();
        bed.Pledge("NOR", 5);
        DecisionAssert.Rejected(bed.Deliver("EST", 1), RejectionCodes.Forbidden);
        Assert.Equal("amount", DecisionAssert.Rejected(bed.Deliver("NOR", 6), RejectionCodes.InvalidArgument).Field);
        DecisionAssert.Rejected(bed.Deliver("NOR", 0), RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(bed.Deliver("NOR", 1, id: "p9"), RejectionCodes.NotFound);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(-3, 60)]
    [InlineData(5, 0)]
    [InlineData(5, 60 * 24 * 31)]
    public void Pledges_need_a_positive_amount_and_a_due_date_within_reach(int amount, int dueMinutes)
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(bed.Pledge("NOR", amount, dueWithin: TimeSpan.FromMinutes(dueMinutes)), RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void Shared_intelligence_is_visible_to_members_and_nobody_else()
    {
        var bed = AllianceBed.Create();
        Assert.True(bed.Share("EST").IsAccepted);
        var shared = bed.Harness.Log[^1];
        Assert.IsType<IntelligenceShared>(shared.Event);
        Assert.True(shared.Audience.Allows(Participant.Team("SWE")));
        Assert.False(shared.Audience.Allows(Participant.Team("RUS")));
        Assert.False(shared.Audience.Allows(Participant.Observer));
        Assert.Single(AllianceViews.For(bed.State, Participant.Team("NOR")).Member!.Intelligence);
        Assert.Null(AllianceViews.For(bed.State, Participant.Team("FIN")).Member);
    }

    [Fact]
    public void An_intelligence_report_needs_a_title_a_body_and_a_known_subject()
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(
            bed.Do((s, now) => AllianceRules.ShareIntelligence(s, Participant.Team("EST"), new ShareIntelligenceReport("r1", "EST", "", "Body"), now)),
            RejectionCodes.InvalidArgument);
        DecisionAssert.Rejected(
            bed.Do((s, now) => AllianceRules.ShareIntelligence(s, Participant.Team("EST"), new ShareIntelligenceReport("r1", "EST", "Title", "Body", "XXX"), now)),
            RejectionCodes.NotFound);
        bed.Share("EST");
        DecisionAssert.Rejected(bed.Share("NOR"), RejectionCodes.InvalidArgument); // id r1 taken
    }
}
