using CrisisGrid.Grains.Alliances;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>The cohesion formula (see <see cref="AllianceCohesion"/> and docs/alliances.md), term by term.</summary>
public class CohesionTests
{
    private static int Cohesion(AllianceBed bed) => AllianceCohesion.Compute(bed.State).Index;

    [Fact]
    public void A_new_alliance_is_fully_cohesive()
    {
        Assert.Equal(100, Cohesion(AllianceBed.Create()));
    }

    [Fact]
    public void A_split_consultation_costs_more_than_a_united_one_and_silence_costs_too()
    {
        var united = AllianceBed.Create();
        united.Request("EST");
        united.Convene("NOR");
        foreach (var m in new[] { "EST", "NOR", "SWE" })
        {
            united.Position(m, PositionKind.Support);
        }

        Assert.Equal(100, Cohesion(united));

        var split = AllianceBed.Create();
        split.Request("EST");
        split.Convene("NOR");
        split.Position("EST", PositionKind.Support);
        split.Position("NOR", PositionKind.Oppose);
        split.Now = split.Consultation().PositionsDue!.Value;
        split.Settle();
        // divergence 2·min(1,1)/2 = 1 → −15; SWE silent → −2
        Assert.Equal(83, Cohesion(split));
        Assert.Equal((1.0, 1), (AllianceCohesion.Compute(split.State).Divergence, AllianceCohesion.Compute(split.State).SilentMembers));
    }

    [Fact]
    public void Failed_decisions_free_riders_and_shortfalls_erode_it_and_passed_decisions_restore_some()
    {
        var bed = CollectiveDefenceTests.Invoked(); // one passed decision: +2, capped at 100
        Assert.Equal(100, Cohesion(bed));

        bed.Table("NOR", new CollectiveStatementProposal("Text."), id: "d2");
        Assert.True(bed.Vote("SWE", VoteChoice.No, "d2").IsAccepted); // failed: −6
        bed.Respond("EST");
        bed.Pledge("NOR", 4, dueWithin: TimeSpan.FromMinutes(30));
        bed.Deliver("NOR", 1);
        bed.Now = bed.State.Invocations["d1"].ResponsesDue; // NOR and SWE free riders: −16; pledge 3/4 short: −18.75
        bed.Settle();

        var report = AllianceCohesion.Compute(bed.State);
        Assert.Equal((1, 1, 2, 0.75), (report.PassedDecisions, report.FailedDecisions, report.FreeRiders, report.PledgeShortfall));
        Assert.Equal(61, report.Index); // round(100 + 2 − 6 − 16 − 18.75) = round(61.25)
    }

    [Fact]
    public void Cohesion_never_leaves_0_to_100()
    {
        var bed = AllianceBed.Create();
        for (var i = 0; i < 20; i++)
        {
            bed.Table("NOR", new CollectiveStatementProposal($"Text {i}."), id: $"f{i}");
            Assert.True(bed.Vote("SWE", VoteChoice.No, $"f{i}").IsAccepted); // failed: −6 each
        }

        Assert.Equal(0, Cohesion(bed));
    }
}
