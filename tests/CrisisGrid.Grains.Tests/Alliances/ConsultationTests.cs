using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

public class ConsultationTests
{
    private static AllianceBed Convened()
    {
        var bed = AllianceBed.Create();
        Assert.True(bed.Request("EST").IsAccepted);
        Assert.True(bed.Convene("NOR").IsAccepted);
        return bed;
    }

    [Fact]
    public void A_request_records_the_threat_and_a_convene_by_deadline_and_notifies_every_member()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST", injectId: "inject-7");
        var consultation = bed.Consultation();
        Assert.Equal(ConsultationStatus.Requested, consultation.Status);
        Assert.Equal("inject-7", consultation.InjectId);
        Assert.Equal(bed.Now + AllianceBed.ConveneWithin, consultation.ConveneBy);
        Assert.Equal(["EST", "NOR", "SWE"], consultation.Notified.AsEnumerable());
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), bed.Harness.Log[^1].Audience);
    }

    [Fact]
    public void A_request_must_cite_the_threat()
    {
        var bed = AllianceBed.Create();
        var rejection = DecisionAssert.Rejected(bed.Request("EST", threat: null, injectId: null), RejectionCodes.InvalidArgument);
        Assert.Equal("threat", rejection.Field);
        DecisionAssert.Rejected(bed.Request("EST", threat: "   "), RejectionCodes.InvalidArgument);
    }

    [Fact]
    public void Consultation_ids_are_unique_and_well_formed()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        Assert.Equal("consultationId", DecisionAssert.Rejected(bed.Request("NOR"), RejectionCodes.InvalidArgument).Field);
        Assert.Equal("consultationId", DecisionAssert.Rejected(bed.Request("NOR", id: "has space"), RejectionCodes.InvalidArgument).Field);
    }

    [Fact]
    public void A_second_member_convenes_and_positions_become_due()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        bed.Advance(TimeSpan.FromMinutes(5));
        Assert.True(bed.Convene("NOR").IsAccepted);
        var consultation = bed.Consultation();
        Assert.Equal(ConsultationStatus.Convened, consultation.Status);
        Assert.Equal(ConvenedBy.Member, consultation.ConvenedBy);
        Assert.Equal("NOR", consultation.ConvenedByMember);
        Assert.Equal(bed.Now + AllianceBed.PositionsDueWithin, consultation.PositionsDue);
    }

    [Fact]
    public void The_requesting_member_cannot_convene_its_own_request()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        Assert.Equal("member", DecisionAssert.Rejected(bed.Convene("EST"), RejectionCodes.InvalidArgument).Field);
    }

    [Fact]
    public void Exercise_control_convenes_as_chair_but_a_team_cannot_act_as_chair()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        DecisionAssert.Rejected(bed.Convene(null, actor: Participant.Team("NOR")), RejectionCodes.Forbidden);
        Assert.True(bed.Convene(null).IsAccepted);
        Assert.Equal(ConvenedBy.ExerciseControl, bed.Consultation().ConvenedBy);
        DecisionAssert.Rejected(bed.Convene("SWE"), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Nobody_convening_by_the_deadline_convenes_it_at_the_deadline_instant()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        var conveneBy = bed.Consultation().ConveneBy;
        bed.Now = conveneBy.AddTicks(-1);
        bed.Settle();
        Assert.Equal(ConsultationStatus.Requested, bed.Consultation().Status);

        bed.Now = conveneBy.AddMinutes(20);
        bed.Settle();
        var consultation = bed.Consultation();
        Assert.Equal(ConvenedBy.CharterDeadline, consultation.ConvenedBy);
        Assert.Equal(conveneBy, consultation.ConvenedAt);
        Assert.Equal(conveneBy + AllianceBed.PositionsDueWithin, consultation.PositionsDue);
    }

    [Fact]
    public void Positions_cannot_be_recorded_before_the_alliance_convenes()
    {
        var bed = AllianceBed.Create();
        bed.Request("EST");
        DecisionAssert.Rejected(bed.Position("NOR", PositionKind.Support), RejectionCodes.InvalidState);
    }

    [Fact]
    public void Members_record_support_oppose_abstain_or_a_statement_with_text()
    {
        var bed = Convened();
        Assert.True(bed.Position("EST", PositionKind.Support).IsAccepted);
        Assert.Equal("text", DecisionAssert.Rejected(bed.Position("NOR", PositionKind.Statement), RejectionCodes.InvalidArgument).Field);
        Assert.True(bed.Position("NOR", PositionKind.Statement, text: "We call for restraint on all sides.").IsAccepted);
        Assert.Equal("We call for restraint on all sides.", bed.Consultation().Positions["NOR"].Text);
    }

    [Fact]
    public void A_position_is_recorded_once()
    {
        var bed = Convened();
        bed.Position("EST", PositionKind.Support);
        DecisionAssert.Rejected(bed.Position("EST", PositionKind.Oppose), AllianceRejectionCodes.AlreadyRecorded);
        Assert.Equal(PositionKind.Support, bed.Consultation().Positions["EST"].Kind);
    }

    [Fact]
    public void The_consultation_concludes_early_once_every_member_has_a_position()
    {
        var bed = Convened();
        bed.Position("EST", PositionKind.Support);
        bed.Position("NOR", PositionKind.Support);
        Assert.Equal(ConsultationStatus.Convened, bed.Consultation().Status);
        bed.Advance(TimeSpan.FromMinutes(3));
        bed.Position("SWE", PositionKind.Oppose);
        var outcome = bed.Consultation().Outcome!;
        Assert.Equal(ConsultationStatus.Concluded, bed.Consultation().Status);
        Assert.True(outcome.Early);
        Assert.Equal(bed.Now, outcome.At);
        Assert.Equal((2, 1, 0, 0), (outcome.Support, outcome.Oppose, outcome.Abstain, outcome.Statements));
        Assert.Empty(outcome.Silent);
    }

    [Fact]
    public void At_the_positions_deadline_the_tally_is_recorded_and_silent_members_are_flagged()
    {
        var bed = Convened();
        bed.Position("EST", PositionKind.Support);
        var due = bed.Consultation().PositionsDue!.Value;
        bed.Now = due.AddHours(3);
        bed.Settle();
        var outcome = bed.Consultation().Outcome!;
        Assert.False(outcome.Early);
        Assert.Equal(due, outcome.At);
        Assert.Equal(["NOR", "SWE"], outcome.Silent.AsEnumerable());
        Assert.Equal(Audience.ToNations(["EST", "NOR", "SWE"]), bed.Harness.Log[^1].Audience);
    }

    [Fact]
    public void A_position_after_the_deadline_is_refused_because_the_consultation_concluded_at_it()
    {
        var bed = Convened();
        bed.Now = bed.Consultation().PositionsDue!.Value;
        DecisionAssert.Rejected(bed.Position("SWE", PositionKind.Abstain), RejectionCodes.InvalidState);
        Assert.Equal(ConsultationStatus.Convened, bed.Consultation().Status); // the refused command changed nothing…
        bed.Settle();
        Assert.Equal(ConsultationStatus.Concluded, bed.Consultation().Status); // …the deadline, processed on its own, did
    }

    [Fact]
    public void An_unknown_consultation_is_not_found()
    {
        var bed = AllianceBed.Create();
        DecisionAssert.Rejected(bed.Convene("NOR", id: "nope"), RejectionCodes.NotFound);
        DecisionAssert.Rejected(bed.Position("NOR", PositionKind.Support, id: "nope"), RejectionCodes.NotFound);
    }
}
