using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Visibility;
using FsCheck;
using FsCheck.Fluent;

namespace CrisisGrid.Grains.Tests.Visibility;

/// <summary>The one visibility rule (docs/visibility.md): who may see what an audience is for.</summary>
public class VisibilityPolicyTests
{
    private static readonly Participant Ardenia = Participant.Team("ARD");
    private static readonly Participant Borovia = Participant.Team("BOR");
    private static readonly Participant Calderon = Participant.Team("CAL");
    private static readonly Participant ReviewingObserver = VisibilityPolicy.InExercise(Participant.Observer, reviewOpen: true);

    [Fact]
    public void Public_things_are_for_everyone()
    {
        Assert.All([Participant.Facilitator, Participant.System, Participant.Observer, ReviewingObserver, Ardenia], v => Assert.True(VisibilityPolicy.MaySee(v, Audience.Public)));
    }

    [Fact]
    public void Control_things_are_for_exercise_control_and_the_full_view_only()
    {
        Assert.True(VisibilityPolicy.MaySee(Participant.Facilitator, Audience.Control));
        Assert.True(VisibilityPolicy.MaySee(Participant.System, Audience.Control));
        Assert.True(VisibilityPolicy.MaySee(ReviewingObserver, Audience.Control));
        Assert.False(VisibilityPolicy.MaySee(Participant.Observer, Audience.Control));
        Assert.False(VisibilityPolicy.MaySee(Ardenia, Audience.Control));
    }

    [Fact]
    public void A_backchannel_is_seen_by_its_two_parties_and_exercise_control_not_by_an_ally_a_mediator_or_an_observer()
    {
        var backchannel = Audience.Backchannel("ARD", "BOR");

        Assert.True(VisibilityPolicy.MaySee(Ardenia, backchannel));
        Assert.True(VisibilityPolicy.MaySee(Borovia, backchannel));
        Assert.True(VisibilityPolicy.MaySee(Participant.Facilitator, backchannel));
        Assert.False(VisibilityPolicy.MaySee(Calderon, backchannel)); // an ally of both, or the mediator: same answer
        Assert.False(VisibilityPolicy.MaySee(Participant.Team("NEU"), backchannel));
        Assert.False(VisibilityPolicy.MaySee(Participant.Observer, backchannel));
    }

    [Fact]
    public void The_review_gives_observers_the_full_view_and_changes_nothing_for_teams()
    {
        Assert.False(VisibilityPolicy.HasFullView(VisibilityPolicy.InExercise(Participant.Observer, reviewOpen: false)));
        Assert.True(VisibilityPolicy.HasFullView(ReviewingObserver));
        Assert.Equal(Ardenia, VisibilityPolicy.InExercise(Ardenia, reviewOpen: true));
        Assert.True(VisibilityPolicy.MayReplay(Participant.Facilitator, reviewOpen: false));
        Assert.False(VisibilityPolicy.MayReplay(Participant.Observer, reviewOpen: false));
        Assert.True(VisibilityPolicy.MayReplay(Participant.Observer, reviewOpen: true));
        Assert.False(VisibilityPolicy.MayReplay(Ardenia, reviewOpen: true));
    }

    [Fact]
    public void A_nations_private_state_and_an_alliances_member_traffic_follow_the_same_rule()
    {
        Assert.True(VisibilityPolicy.SeesNationPrivate(Ardenia, "ARD"));
        Assert.False(VisibilityPolicy.SeesNationPrivate(Borovia, "ARD"));
        Assert.False(VisibilityPolicy.SeesNationPrivate(Participant.Observer, "ARD"));
        Assert.True(VisibilityPolicy.SeesNationPrivate(ReviewingObserver, "ARD"));

        string[] inGoodStanding = ["ARD", "CAL"]; // BOR suspended
        Assert.True(VisibilityPolicy.SeesMemberTraffic(Ardenia, inGoodStanding));
        Assert.False(VisibilityPolicy.SeesMemberTraffic(Borovia, inGoodStanding));
        Assert.True(VisibilityPolicy.SeesMemberTraffic(Participant.Facilitator, inGoodStanding));
    }

    [Fact]
    public void Only_the_full_view_is_shown_internal_keys()
    {
        Assert.True(VisibilityPolicy.SeesInternalKeys(Participant.Facilitator));
        Assert.True(VisibilityPolicy.SeesInternalKeys(ReviewingObserver));
        Assert.False(VisibilityPolicy.SeesInternalKeys(Ardenia));
        Assert.False(VisibilityPolicy.SeesInternalKeys(Participant.Observer));
    }

    [Fact]
    public void A_team_sees_a_list_of_nations_exactly_when_its_nation_is_on_it_and_the_full_view_sees_everything()
    {
        var nations = new[] { "ARD", "BOR", "CAL", "DUN", "NEU" };
        var audiences = Gen.OneOf(
            Gen.Constant(Audience.Public),
            Gen.Constant(Audience.Control),
            Gen.SubListOf(nations).Select(list => Audience.ToNations(list)));
        var cases = Gen.Zip(audiences, Gen.Elements(nations)).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (audience, nation) = c;
            var team = VisibilityPolicy.MaySee(Participant.Team(nation), audience);
            var expected = audience.Kind == AudienceKind.Public || (audience.Kind == AudienceKind.Nations && audience.Nations.Contains(nation));
            return team == expected
                && VisibilityPolicy.MaySee(Participant.Facilitator, audience)
                && VisibilityPolicy.MaySee(ReviewingObserver, audience)
                && VisibilityPolicy.MaySee(Participant.Observer, audience) == (audience.Kind == AudienceKind.Public);
        }).QuickCheckThrowOnFailure();
    }
}
