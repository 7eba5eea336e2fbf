using System.Net;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Access;
using CrisisGrid.Grains.Alliances;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Exercises;
using CrisisGrid.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CrisisGrid.Gateway.Tests.Alliances;

/// <summary>
/// Issue 3, end to end through the gateway on the realistic sample scenario: Dravenia's armed attack on Letavia
/// (inject i09-narvel-invasion) → Letavia asks the Northern Shield Alliance for consultation → the members take
/// positions → collective defence is tabled and decided by the charter's rule (consensus) → members respond, Suvenia
/// stays silent and is flagged as a free rider when the response deadline passes. Every step is checked in the
/// alliance view and in what each member's live connection was sent; Talmar and Dravenia, outside the alliance, are
/// sent none of it. The gateway runs on a manual clock so that the charter's 30-minute deadline can pass.
/// </summary>
public sealed class NorthernShieldTests : GatewayTest
{
    private const string Invasion = "i09-narvel-invasion";
    private const string NarvelConsultation = "nsa-consult-1";
    private const string NarvelDraft = "nsa-art3-1";
    private static readonly string[] Members = ["ARV", "LET", "OST", "HAL", "SUV"];
    private static readonly string[] Outsiders = ["DRV", "TAL"];
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, LiveClient> _live = [];
    private string _exerciseId = "";
    private string _facilitator = "";

    protected override TimeProvider? Time => _clock;

    public override async Task DisposeAsync()
    {
        foreach (var client in _live.Values)
        {
            await client.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Fact]
    public async Task Armed_attack_consultation_collective_defence_and_responses_play_out_for_the_members_only()
    {
        // Exercise control creates the exercise from the sample, hands out team codes and starts it.
        var created = await Api.CreateExercise("northern-shield");
        (_exerciseId, _facilitator) = (created.ExerciseId, await Api.Join(created.FacilitatorCode));
        foreach (var nation in Members.Concat(Outsiders))
        {
            _tokens[nation] = await Api.Join(await Api.IssueCode(_facilitator, _exerciseId, "team", nation));
            _live[nation] = await LiveClient.JoinAsync(Gateway.BaseAddress, _tokens[nation]);
        }

        Assert.All(Members, m => Assert.NotNull(_live[m].Snapshot.Alliances.Single(a => a.Code == "NSA").Member));
        Assert.All(Outsiders, o => Assert.Null(_live[o].Snapshot.Alliances.Single(a => a.Code == "NSA").Member));
        await Api.Accept(_facilitator, _exerciseId, "exercise.start");

        // 1. The armed attack: the alliance puts it on record for its members.
        await Api.Accept(_facilitator, _exerciseId, "exercise.releaseInject", new { injectId = Invasion });
        var attack = await EveryMemberIsSent<ArmedAttackOnMemberRecorded>(e => e.Victim == "LET" && e.Attacker == "DRV" && e.InjectId == Invasion, "the armed attack on record");
        var attacks = (await AllianceAs("LET"))["member"]!["attacks"]!.AsArray();
        Assert.Equal((attack.AttackId, "DRV", "LET", Invasion), Single(attacks, a => ((string)a["attackId"]!, (string)a["attacker"]!, (string)a["victim"]!, (string)a["injectId"]!)));
        foreach (var outsider in Outsiders)
        {
            Assert.Null((await AllianceAs(outsider))["member"]);
        }

        // 2. Letavia, the victim, asks for consultation citing the inject; Arvenia convenes it; every member takes a position.
        await Send("LET", "alliance.requestConsultation", new { alliance = "NSA", consultationId = NarvelConsultation, injectId = Invasion });
        await EveryMemberIsSent<ConsultationRequested>(e => e.ConsultationId == NarvelConsultation, "the consultation request");
        await Send("ARV", "alliance.conveneConsultation", new { alliance = "NSA", consultationId = NarvelConsultation });
        await EveryMemberIsSent<ConsultationConvened>(e => e.ConsultationId == NarvelConsultation, "the convening");
        foreach (var (member, position) in new[] { ("LET", "support"), ("ARV", "support"), ("HAL", "support"), ("OST", "support"), ("SUV", "abstain") })
        {
            await Send(member, "alliance.recordPosition", new { alliance = "NSA", consultationId = NarvelConsultation, position });
            await EveryMemberIsSent<PositionRecorded>(e => e.Member == member, $"{member}'s position");
        }

        var concluded = await EveryMemberIsSent<ConsultationConcluded>(e => e.ConsultationId == NarvelConsultation, "the conclusion");
        Assert.Equal((4, 0, 1, true), (concluded.Outcome.Support, concluded.Outcome.Oppose, concluded.Outcome.Abstain, concluded.Outcome.Early));
        Assert.Empty(concluded.Outcome.Silent);

        // 3. Halvard tables collective defence citing the attack; under consensus it passes once every member has voted
        //    without objecting (an abstention is no objection), not before.
        await Send("HAL", "alliance.tableDraft", new { alliance = "NSA", draftId = NarvelDraft, proposal = new { kind = "collectiveDefence", attackId = attack.AttackId } });
        var tabled = await EveryMemberIsSent<DraftTabled>(e => e.DraftId == NarvelDraft, "the tabled draft");
        Assert.Equal((Grains.Scenarios.DecisionRuleKind.Consensus, TimeSpan.FromMinutes(45)), (tabled.Rule.Kind, tabled.Rule.Deadline));
        foreach (var (member, choice) in new[] { ("HAL", "yes"), ("LET", "yes"), ("ARV", "yes"), ("SUV", "abstain") })
        {
            await Send(member, "alliance.castVote", new { alliance = "NSA", draftId = NarvelDraft, choice });
            await EveryMemberIsSent<VoteCast>(e => e.Member == member, $"{member}'s vote");
        }

        Assert.Equal("open", (string)Draft(await AllianceAs("OST"), NarvelDraft)["status"]!);
        await Send("OST", "alliance.castVote", new { alliance = "NSA", draftId = NarvelDraft, choice = "yes" });
        var decided = await EveryMemberIsSent<DraftDecided>(e => e.DraftId == NarvelDraft, "the decision");
        Assert.Equal(DraftStatus.Passed, decided.Result.Status);
        var invoked = await EveryMemberIsSent<CollectiveDefenceInvoked>(e => e.InvocationId == NarvelDraft, "the invocation of collective defence");
        Assert.Equal(Members.Order(), invoked.Owing.Order());

        // 4. Members respond; Suvenia does not.
        foreach (var (member, kind) in new[] { ("LET", "military"), ("HAL", "military"), ("ARV", "military"), ("OST", "economic") })
        {
            await Send(member, "alliance.recordDefenceResponse", new { alliance = "NSA", invocationId = NarvelDraft, kind, description = $"{member} stands with Letavia." });
            await EveryMemberIsSent<DefenceResponseRecorded>(e => e.Member == member, $"{member}'s response");
        }

        var open = Invocation(await AllianceAs("SUV"));
        Assert.False((bool)open["closed"]!);

        // 5. The charter's response deadline (positions due within 30 minutes of the invocation) passes.
        _clock.Advance(TimeSpan.FromMinutes(31));
        var closed = await EveryMemberIsSent<DefenceResponsesClosed>(e => e.InvocationId == NarvelDraft, "the close of responses");
        Assert.Equal(["SUV"], closed.FreeRiders.AsEnumerable());
        var view = await AllianceAs("ARV");
        Assert.Equal(["SUV"], Invocation(view)["freeRiders"]!.AsArray().Select(m => (string)m!));
        Assert.Equal((94, 1, 1), ((int)view["member"]!["cohesion"]!["index"]!, (int)view["member"]!["cohesion"]!["freeRiders"]!, (int)view["member"]!["cohesion"]!["passedDecisions"]!));

        // Every member was sent the alliance's traffic in log order; the outsiders were sent none of it.
        var log = (await Api.GetJson(_facilitator, $"/api/exercises/{_exerciseId}/events?after=0&max=2000")).AsArray();
        // (The exercise's clock pushed to the alliance is exercise control's bookkeeping, not member traffic.)
        var allianceLog = log.Where(e => (string)e!["stream"]! == "alliance/NSA" && (string?)e["event"]!["$type"] != "alliance.exercise-clock-followed")
            .Select(e => (Sequence: e!["sequence"]!.GetValue<long>(), At: e["recordedAt"]!.GetValue<DateTimeOffset>())).ToList();
        foreach (var member in Members)
        {
            // Each member counts its own events; its snapshot's number is the log sequence it had seen up to.
            var joinedAt = await LogNumbering.SequenceAt(Gateway.BaseAddress, _exerciseId, Participant.Team(member), _live[member].Snapshot.Sequence);
            var sent = _live[member].Applied.Where(e => e.Stream == "alliance/NSA").Select(e => e.RecordedAt).ToList();
            Assert.Equal(allianceLog.Where(e => e.Sequence > joinedAt).Select(e => e.At), sent);
        }

        foreach (var outsider in Outsiders)
        {
            await _live[outsider].Resync();
            // In its own numbering; the clock moved the exercise on too: more may have come.
            Assert.True(_live[outsider].Watermark >= await LogNumbering.PositionAt(Gateway.BaseAddress, _exerciseId, Participant.Team(outsider), log.Count));
            Assert.DoesNotContain(_live[outsider].Applied, e => e.Stream == "alliance/NSA");
            Assert.Contains(_live[outsider].Applied, e => e.Event is ArmedAttackReported { Victim: "LET" }); // the attack itself is public
            var received = string.Join("\n", _live[outsider].Connection.RawReceived);
            Assert.All(new[] { NarvelConsultation, NarvelDraft, "stands with Letavia" }, secret => Assert.DoesNotContain(secret, received, StringComparison.Ordinal));
            Assert.Null((await AllianceAs(outsider))["member"]);
        }

        // An outsider cannot take part, even by naming the alliance.
        using var intruder = await Api.Send(_tokens["TAL"], _exerciseId, "alliance.recordDefenceResponse", new { alliance = "NSA", invocationId = NarvelDraft, kind = "military", description = "Talmar helps." });
        Assert.Equal(HttpStatusCode.Forbidden, intruder.StatusCode);
    }

    /// <summary>Waits until every member's live connection has been sent the event, and returns it.</summary>
    private async Task<T> EveryMemberIsSent<T>(Func<T, bool> match, string what) where T : DomainEvent
    {
        T? found = null;
        foreach (var member in Members)
        {
            var recorded = await _live[member].WaitFor(e => e.Event is T t && match(t), $"{what} to {member}");
            Assert.Equal(AudienceKind.Nations, recorded.Audience.Kind);
            Assert.Equal(Members.Order(), recorded.Audience.Nations.Order());
            found = (T)recorded.Event;
        }

        return found!;
    }

    private async Task Send(string nation, string type, object args) => await Api.Accept(_tokens[nation], _exerciseId, type, args);

    private Task<JsonNode> AllianceAs(string nation) => Api.GetJson(_tokens[nation], $"/api/exercises/{_exerciseId}/alliances/NSA");

    private static JsonNode Draft(JsonNode view, string id) => view["member"]!["drafts"]!.AsArray().Single(d => (string)d!["id"]! == id)!;

    private static JsonNode Invocation(JsonNode view) => view["member"]!["collectiveDefence"]!.AsArray().Single()!;

    private static TOut Single<TOut>(JsonArray items, Func<JsonNode, TOut> select) => select(Assert.Single(items)!);
}
