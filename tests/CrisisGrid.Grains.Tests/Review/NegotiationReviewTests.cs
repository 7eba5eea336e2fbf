using System.Text.Json;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Grains.Infrastructure;
using CrisisGrid.Grains.Nations;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.Review;
using CrisisGrid.Grains.Tests.Support;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Tests.Review;

/// <summary>
/// The review charts negotiations from the log (issue 7): each session's phases over time, its text versions, who
/// signed what, and breaches — played through the real grains (small-test: Lake Talks between ARD and BOR, mediated
/// by DUN; a ceasefire in force, then breached by a cyber operation at adjudication).
/// </summary>
public sealed class NegotiationReviewTests : EngineTest
{
    private INegotiationGrain Session(string id) => Driver.Silo.Grains.GetGrain<INegotiationGrain>(GrainKeys.Scoped(Driver.ExerciseId, id));

    private async Task<IReadOnlyList<RecordedEvent>> CeasefireSignedThenBreached()
    {
        await Driver.Create(EngineDriver.Sample("small-test"));
        EngineDriver.Accepted(await Driver.Exercise.Start(Driver.Control()));
        EngineDriver.Accepted(await Driver.Exercise.ConveneNegotiation(Driver.Control(), new ConveneNegotiation(new TalksDefinition("lake", "Lake Talks", ["ARD", "BOR"], "DUN"))));
        var talks = Session("lake");
        foreach (var nation in new[] { "ARD", "BOR" })
        {
            EngineDriver.Accepted(await talks.RespondToInvitation(Driver.Command(Participant.Team(nation)), new RespondToInvitation(nation, nation, true)));
        }

        foreach (var nation in new[] { "ARD", "BOR" })
        {
            EngineDriver.Accepted(await talks.MakeOpeningStatement(Driver.Command(Participant.Team(nation)), new MakeOpeningStatement(nation, nation, "We seek an end to hostilities.")));
        }

        EngineDriver.Accepted(await talks.ProposeText(Driver.Control(), new ProposeText("DUN", 0, [new CeasefireClause("ceasefire", ["ARD", "BOR"])])));
        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("ARD")), new SignText("ARD", "ARD", 1)));
        EngineDriver.Accepted(await talks.Sign(Driver.Command(Participant.Team("BOR")), new SignText("BOR", "BOR", 1)));
        await Driver.AdvanceTo(1, TurnPhase.Orders);
        EngineDriver.Accepted(await Driver.Order("BOR", new CyberOperation("ARD")));
        await Driver.Advance(); // orders → adjudication → results: the breach is found
        return await Driver.Log();
    }

    [Fact]
    public async Task Phases_versions_signatures_and_breaches_of_a_session_are_charted_at_the_events_that_recorded_them()
    {
        var log = await CeasefireSignedThenBreached();
        var lake = ReviewSeriesBuilder.From(Driver.ExerciseId, log).Negotiations.Single(n => n.Session == "lake");

        Assert.Equal(("Lake Talks", "DUN", false), (lake.Title, lake.Mediator, lake.Secret));
        Assert.Equal(["ARD", "BOR"], lake.Parties.ToArray());

        var proposed = log.Single(e => e.Event is TextProposed);
        var version = Assert.Single(lake.Versions);
        Assert.Equal((1, "DUN", 1, proposed.Sequence), (version.Version, version.Author, version.Clauses, version.Sequence));

        var signed = log.Where(e => e.Event is TextSigned).ToList();
        Assert.Equal(signed.Select(e => (((TextSigned)e.Event).Party, 1, e.Sequence)), lake.Signatures.Select(s => (s.Party, s.Version, s.Sequence)));

        var reported = log.Single(e => e.Event is BreachReported);
        var breach = Assert.Single(lake.Breaches);
        Assert.Equal(("BOR", "ceasefire", 1, reported.Sequence, (string?)null), (breach.Violator, breach.ClauseId, breach.Turn, breach.Sequence, breach.RuledUnfounded));

        // Each step is the phase a replay of the log gives right after that event, and the phase changes nowhere else.
        var expected = new List<(NegotiationPhase, long)>();
        var world = WorldState.Empty(Driver.ExerciseId);
        foreach (var recorded in log)
        {
            world = world.Apply(recorded);
            if (world.Sessions.GetValueOrDefault("lake") is { Initialized: true } session && (expected.Count == 0 || expected[^1].Item1 != session.Phase))
            {
                expected.Add((session.Phase, recorded.Sequence));
            }
        }

        Assert.Equal(expected, lake.Phases.Select(p => (p.Phase, p.Sequence)));
        Assert.Equal(NegotiationPhase.Convened, lake.Phases[0].Phase);
        Assert.Contains(lake.Phases, p => p.Phase == NegotiationPhase.InForce);
        Assert.Equal((NegotiationPhase.Breached, 1), (lake.Phases[^1].Phase, lake.Phases[^1].Turn));
        Assert.All(lake.Phases, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
    }

    [Fact]
    public async Task The_feeds_live_series_charts_the_same_negotiations_as_the_log()
    {
        var log = await CeasefireSignedThenBreached();

        var live = await Driver.Feed.GetReviewSeries(Participant.Facilitator);

        Assert.NotNull(live);
        Assert.Equal(
            JsonSerializer.Serialize(ReviewSeriesBuilder.From(Driver.ExerciseId, log).Negotiations, EventJson.Options),
            JsonSerializer.Serialize(live.Negotiations, EventJson.Options));
        Assert.Contains(live.Negotiations, n => n.Session == "lake");
    }
}
