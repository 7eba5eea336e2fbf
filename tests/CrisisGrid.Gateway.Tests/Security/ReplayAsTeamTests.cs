using System.Net;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;

namespace CrisisGrid.Gateway.Tests.Security;

/// <summary>
/// "As team BOR at event N" shows exactly what BOR could see at N, no more: on the leak scene (ARD's secrets
/// planted, BOR live all along), a replay as BOR at every event carries none of ARD's secrets, only BOR's structure,
/// and only events BOR's own live connection received by then.
/// </summary>
public sealed class ReplayAsTeamTests(LeakScene scene) : IClassFixture<LeakScene>
{
    [Fact]
    public async Task A_replay_as_a_team_at_any_event_shows_nothing_that_team_could_not_see_then()
    {
        var live = scene.Live["BOR"];
        // BOR's live connection counts only what BOR may see (docs/visibility.md); the replay speaks the log's numbers.
        var positions = live.Snapshot.Recent.Select(e => e.Sequence).Concat(live.Applied.Select(e => e.Sequence)).Distinct().ToList();
        var received = new HashSet<long>();
        foreach (var position in positions)
        {
            received.Add(await LogNumbering.SequenceAt(scene.Gateway.BaseAddress, scene.Session.ExerciseId, Grains.Access.Participant.Team("BOR"), position));
        }

        for (long at = 1; at <= scene.LastSequence; at++)
        {
            var (status, body) = await scene.Api.GetRaw(scene.Session.Facilitator, $"/api/exercises/{scene.Session.ExerciseId}/replay?at={at}&as=team:BOR");
            Assert.Equal(HttpStatusCode.OK, status);
            Fog.AssertNoSecret(body, scene.Secrets, $"replay as BOR at {at}");
            var snapshot = JsonNode.Parse(body)!;
            Fog.AssertStructure(snapshot, "BOR", ["ARD"], ["NCP"], $"replay as BOR at {at}");
            Assert.Equal(at, (long)snapshot["sequence"]!);
            var shown = snapshot["recent"]!.AsArray().Select(e => (long)e!["sequence"]!).ToList();
            Assert.All(shown, s => Assert.True(s <= at && received.Contains(s), $"replay as BOR at {at} shows event {s}, which BOR never received live"));
        }
    }
}
