using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Commands;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Tests.Support;

namespace CrisisGrid.Grains.Tests.Alliances;

/// <summary>
/// Only members may act in the alliance: every command path refuses a non-member with <c>forbidden</c>, whether
/// the non-member acts as itself or a team tries to act for a member. Each path is first shown to be accepted for a
/// member in the same state, so a refusal is the access rule at work and not some other rule.
/// </summary>
public class AccessTests
{
    public delegate Decision Path(AllianceState state, Participant actor, string member, DateTimeOffset now);

    private static readonly Dictionary<string, Path> Paths = new(StringComparer.Ordinal)
    {
        ["requestConsultation"] = (s, a, m, now) => AllianceRules.RequestConsultation(s, a, new RequestConsultation("c9", m, null, "Troops at the border."), now),
        ["conveneConsultation"] = (s, a, m, now) => AllianceRules.ConveneConsultation(s, a, new ConveneConsultation("c2", m), now),
        ["recordPosition"] = (s, a, m, now) => AllianceRules.RecordPosition(s, a, new RecordPosition("c1", m, PositionKind.Support), now),
        ["tableDraft"] = (s, a, m, now) => AllianceRules.TableDraft(s, a, new TableDraft("d9", m, new CollectiveStatementProposal("Another statement.")), now),
        ["castVote"] = (s, a, m, now) => AllianceRules.CastVote(s, a, new CastVote("d1", m, VoteChoice.Yes), now),
        ["breakSilence"] = (s, a, m, now) => AllianceRules.BreakSilence(s, a, new BreakSilence("j1", m, "Not without a mandate."), now),
        ["withdrawDraft"] = (s, a, m, now) => AllianceRules.WithdrawDraft(s, a, new WithdrawDraft("e1", m), now),
        ["recordDefenceResponse"] = (s, a, m, now) => AllianceRules.RecordDefenceResponse(s, a, new RecordDefenceResponse("cd1", m, ResponseKind.Diplomatic, "Démarche."), now),
        ["giveWithdrawalNotice"] = (s, a, m, now) => AllianceRules.GiveWithdrawalNotice(s, a, new GiveWithdrawalNotice(m), now),
        ["pledgeResources"] = (s, a, m, now) => AllianceRules.PledgeResources(s, a, new PledgeResources("p9", m, "battalions", 2, TimeSpan.FromHours(1)), now),
        ["recordPledgeDelivery"] = (s, a, m, now) => AllianceRules.RecordPledgeDelivery(s, a, new RecordPledgeDelivery("p1", m, 1), now),
        ["shareIntelligence"] = (s, a, m, now) => AllianceRules.ShareIntelligence(s, a, new ShareIntelligenceReport("r9", m, "Armour", "Brigades massing."), now),
    };

    public static TheoryData<string> PathNames => [.. Paths.Keys];

    /// <summary>
    /// A busy alliance where every path has something to act on for EST: c1 convened, c2 requested by NOR, d1 open
    /// (consensus), j1 open (silence procedure), e1 tabled by EST, cd1 collective defence invoked, p1 pledged by EST.
    /// </summary>
    private static AllianceBed Busy()
    {
        var charter = AllianceBed.Charter((DecisionKind.JointDeployment, AllianceBed.Rule(DecisionRuleKind.SilenceProcedure)));
        var bed = AllianceBed.Create(charter);
        Assert.True(bed.Request("NOR", "c1").IsAccepted);
        Assert.True(bed.Convene("SWE", "c1").IsAccepted);
        Assert.True(bed.Request("NOR", "c2").IsAccepted);
        Assert.True(bed.Table("NOR", new CollectiveStatementProposal("We stand together."), "d1").IsAccepted);
        Assert.True(bed.Table("NOR", new JointDeploymentProposal("EST"), "j1").IsAccepted);
        Assert.True(bed.Table("EST", new CollectiveStatementProposal("Restraint."), "e1").IsAccepted);
        bed.RecordAttack();
        Assert.True(bed.Table("NOR", new CollectiveDefenceProposal("attack-1"), "cd1").IsAccepted);
        bed.AllVote(VoteChoice.Yes, "cd1", "EST", "NOR", "SWE");
        Assert.True(bed.Pledge("EST", 3, "p1").IsAccepted);
        return bed;
    }

    [Theory]
    [MemberData(nameof(PathNames))]
    public void End_means_ended_every_act_is_refused_once_the_exercise_has_ended(string path)
    {
        var bed = Busy();
        bed.FollowClock(ExerciseStatus.Ended, turn: 3, phase: TurnPhase.Results);
        var before = bed.State;

        foreach (var actor in new[] { Participant.Team("EST"), Participant.Facilitator })
        {
            var refused = DecisionAssert.Rejected(Paths[path](before, actor, "EST", bed.Now), AllianceRejectionCodes.ExerciseEnded);
            Assert.Equal("The exercise has ended: Northern Alliance Treaty takes no more acts (no consultations, drafts, votes, responses, pledges or orders in its name).", refused.Message);
        }

        Assert.Same(before, bed.State);
    }

    [Theory]
    [MemberData(nameof(PathNames))]
    public void A_non_member_is_refused_on_every_command_path(string path)
    {
        var bed = Busy();
        var before = bed.State;
        var rule = Paths[path];

        // The same command from a member is accepted: the refusals below are about who acts, nothing else.
        Assert.True(rule(before, Participant.Team("EST"), "EST", bed.Now).IsAccepted, $"{path} should be accepted for member EST");

        var asItself = DecisionAssert.Rejected(rule(before, Participant.Team("RUS"), "RUS", bed.Now), RejectionCodes.Forbidden);
        Assert.Contains("not a member of NAT", asItself.Message, StringComparison.Ordinal);
        DecisionAssert.Rejected(rule(before, Participant.Team("RUS"), "EST", bed.Now), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(rule(before, Participant.Team("FIN"), "FIN", bed.Now), RejectionCodes.Forbidden);
        DecisionAssert.Rejected(rule(before, Participant.Observer, "EST", bed.Now), RejectionCodes.Forbidden);
        // Exercise control plays non-player nations, but even it cannot act for a nation outside the alliance.
        DecisionAssert.Rejected(rule(before, Participant.Facilitator, "RUS", bed.Now), RejectionCodes.Forbidden);
    }

    [Theory]
    [MemberData(nameof(PathNames))]
    public void A_team_of_one_member_cannot_act_for_another_member(string path)
    {
        var bed = Busy();
        var rejection = DecisionAssert.Rejected(Paths[path](bed.State, Participant.Team("NOR"), "EST", bed.Now), RejectionCodes.Forbidden);
        Assert.Contains("acts only as its own nation", rejection.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PathNames))]
    public void Exercise_control_may_act_for_any_member(string path)
    {
        var bed = Busy();
        Assert.True(Paths[path](bed.State, Participant.Facilitator, "EST", bed.Now).IsAccepted);
    }

    [Fact]
    public void Initialization_and_armed_attacks_are_for_exercise_control_only()
    {
        var bed = Busy();
        DecisionAssert.Rejected(
            bed.Do((s, now) => AllianceRules.RecordArmedAttack(s, Participant.Team("EST"), new RecordArmedAttack("a9", "RUS", "EST", "i"), now)),
            RejectionCodes.Forbidden);
        DecisionAssert.Rejected(
            bed.Harness.Do(s => AllianceRules.Initialize(s, Participant.Team("EST"), new InitializeAlliance(s.Definition!))),
            RejectionCodes.Forbidden);
    }

    [Fact]
    public void A_non_member_gets_no_authorisation_and_sees_only_the_public_view()
    {
        var bed = Busy();
        var authorisation = AllianceRules.Authorise(bed.State, "RUS", DecisionKind.JointDeployment, "EST", bed.Now);
        Assert.False(authorisation.Granted);
        Assert.False(authorisation.IsMember);
        Assert.Equal(RejectionCodes.Forbidden, authorisation.Refusal!.Code);

        var view = AllianceViews.For(bed.State, Participant.Team("RUS"));
        Assert.Equal(["EST", "NOR", "SWE"], view.Members.AsEnumerable());
        Assert.Null(view.Member);
        Assert.Null(AllianceViews.For(bed.State, Participant.Observer).Member);
        Assert.NotNull(AllianceViews.For(bed.State, Participant.Observer with { FullView = true }).Member);
        Assert.NotNull(AllianceViews.For(bed.State, Participant.Facilitator).Member);
        Assert.NotNull(AllianceViews.For(bed.State, Participant.Team("EST")).Member);
    }

    [Fact]
    public void No_event_of_the_alliance_reaches_a_non_member_except_public_membership_changes()
    {
        var bed = Busy();
        Assert.All(bed.Harness.Log, e => Assert.False(e.Audience.Allows(Participant.Team("RUS")), $"{e.Event.GetType().Name} leaked to RUS"));
    }
}
