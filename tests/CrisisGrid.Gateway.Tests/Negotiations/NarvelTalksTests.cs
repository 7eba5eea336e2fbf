using Microsoft.Extensions.Time.Testing;
using System.Text.Json.Nodes;
using CrisisGrid.Gateway.Tests.Support;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Negotiations;
using CrisisGrid.Grains.News;
using CrisisGrid.Testing;

namespace CrisisGrid.Gateway.Tests.Negotiations;

/// <summary>
/// Issue 11, end to end through the gateway on the realistic sample: Vesland (played by exercise control) offers its
/// good offices when Narvel is cut off (inject i10) → Letavia and Dravenia accept and state their positions → a
/// caucus with Letavia → a backchannel between the parties → versions of the text (a stale signature refused) →
/// both sign → the ceasefire is in force, publicly → Dravenia's cyber operation at the next adjudication is a breach,
/// reported to the parties and the mediator and to nobody else. The clock is manual so no phase deadline interferes.
/// </summary>
public sealed class NarvelTalksTests : GatewayTest
{
    private const string Session = "narvel-talks";
    private static readonly string[] Teams = ["LET", "DRV", "TAL"];
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly Dictionary<string, string> _tokens = [];
    private readonly Dictionary<string, LiveClient> _live = [];
    private string _exerciseId = "";
    private string _control = "";

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
    public async Task Mediated_talks_reach_a_ceasefire_whose_breach_at_adjudication_is_reported_to_the_parties_and_the_mediator()
    {
        var created = await Api.CreateExercise("northern-shield");
        (_exerciseId, _control) = (created.ExerciseId, await Api.Join(created.FacilitatorCode));
        foreach (var nation in Teams)
        {
            _tokens[nation] = await Api.Join(await Api.IssueCode(_control, _exerciseId, "team", nation));
            _live[nation] = await LiveClient.JoinAsync(Gateway.BaseAddress, _tokens[nation]);
        }

        await Api.Accept(_control, _exerciseId, "exercise.start");

        // 1. Vesland's good offices: releasing i10 convenes the talks, publicly.
        await Api.Accept(_control, _exerciseId, "exercise.releaseInject", new { injectId = "i10-narvel-humanitarian" });
        foreach (var nation in Teams)
        {
            await _live[nation].WaitFor(e => e.Event is NegotiationConvened c && c.Definition.Id == Session, $"the talks to {nation}");
        }

        var mediatorView = await View(_control);
        Assert.Equal(("VES", "convened"), ((string)mediatorView["mediator"]!, (string)mediatorView["phase"]!));

        // 2. Both parties accept and state their positions.
        await Send("LET", "negotiation.respond", new { party = "LET", accept = true });
        await Send("DRV", "negotiation.respond", new { party = "DRV", accept = true });
        await Send("LET", "negotiation.openingStatement", new { party = "LET", text = "Dravenian forces must leave Narvel." });
        await Send("DRV", "negotiation.openingStatement", new { party = "DRV", text = "The Narvel Dravenians need protection." });
        Assert.Equal("bargaining", (string)(await View(_tokens["LET"]))["phase"]!);

        // 3. A caucus: the mediator and Letavia; Dravenia is not told what was said.
        await Send(null, "negotiation.post", new { @as = "VES", messageId = "caucus-1", channel = new { kind = "caucus", party = "LET" }, text = "Could you accept a line 5 km back?" });
        await Send("LET", "negotiation.post", new { messageId = "caucus-2", channel = new { kind = "caucus", party = "LET" }, text = "Only with observers from Vesland." });
        await _live["LET"].WaitFor(e => e.Event is MessagePosted { MessageId: "caucus-2" }, "Letavia's caucus reply");

        // 4. A backchannel between the parties: nobody else, not the mediator, is sent it.
        await Send("DRV", "negotiation.post", new { messageId = "back-1", channel = new { kind = "backchannel", party = "DRV", other = "LET" }, text = "We can pull back if sanctions ease." });
        await _live["LET"].WaitFor(e => e.Event is MessagePosted { MessageId: "back-1" }, "the backchannel to Letavia");
        Assert.Equal(["back-1"], Messages(await View(_tokens["DRV"])));
        Assert.Equal(["back-1", "caucus-1", "caucus-2"], Messages(await View(_tokens["LET"])));
        Assert.Equal(["back-1", "caucus-1", "caucus-2"], Messages(await View(_control)));
        Assert.Null((await View(_tokens["TAL"]))["table"]); // public talks: Talmar knows they exist, nothing more

        // 5. Versions: the mediator's text, Dravenia's counter-proposal; a signature of the superseded text is refused.
        await Send(null, "negotiation.propose", new
        {
            @as = "VES", basedOn = 0,
            clauses = new object[] { new { kind = "ceasefire", id = "ceasefire", nations = new[] { "LET", "DRV" } }, new { kind = "humanitarianCorridor", id = "corridor", nation = "LET" } },
        });
        await Send("DRV", "negotiation.propose", new
        {
            basedOn = 1,
            clauses = new object[] { new { kind = "ceasefire", id = "ceasefire", nations = new[] { "LET", "DRV" } }, new { kind = "withdrawalLine", id = "line", nation = "DRV", from = "LET" } },
            note = "A withdrawal instead of a corridor.",
        });
        using (var stale = await Api.Send(_tokens["LET"], _exerciseId, "negotiation.sign", new { session = Session, party = "LET", version = 1 }))
        {
            var problem = await stale.Content.ReadAsStringAsync();
            Assert.False(stale.IsSuccessStatusCode);
            Assert.Contains(NegotiationRejectionCodes.SupersededVersion, problem, StringComparison.Ordinal);
            Assert.Contains("version 2", problem, StringComparison.Ordinal);
        }

        var versions = (await View(_tokens["LET"]))["table"]!["versions"]!.AsArray();
        Assert.Equal(["added line", "removed corridor"], versions[1]!["changes"]!.AsArray().Select(c => $"{(string)c!["change"]!} {(string)c["clauseId"]!}"));

        // 6. Both sign version 2: the ceasefire is in force, and the world is told.
        await Send("LET", "negotiation.sign", new { party = "LET", version = 2 });
        await Send("DRV", "negotiation.sign", new { party = "DRV", version = 2 });
        await _live["TAL"].WaitFor(e => e.Event is AgreementEnteredIntoForce, "the agreement's entry into force to Talmar");
        await _live["TAL"].WaitFor(e => e.Event is NewsPublished n && n.Headline.Contains("Narvel talks", StringComparison.Ordinal), "the news");
        Assert.Equal("inForce", (string)(await View(_tokens["TAL"]))["phase"]!);

        // 7. Dravenia's cyber operation against Letavia, adjudicated: a breach of the ceasefire.
        await Api.Accept(_control, _exerciseId, "exercise.advance"); // planning → orders
        await Api.Accept(_tokens["DRV"], _exerciseId, "nation.submitOrder", new { orderId = "hack", action = new { kind = "cyberOperation", nation = "LET" } });
        await Api.Accept(_control, _exerciseId, "exercise.advance"); // orders → adjudication, held for review (Northern Shield's clock)
        var held = await Api.GetJson(_control, $"/api/exercises/{_exerciseId}/adjudication");
        foreach (var outcome in held["outcomes"]!.AsArray())
        {
            await Api.Accept(_control, _exerciseId, "exercise.reviewOutcome", new { outcomeId = (string)outcome!["outcome"]!["outcomeId"]!, verdict = "approve" });
        }

        await Api.Accept(_control, _exerciseId, "exercise.releaseResults"); // → results
        foreach (var party in new[] { "LET", "DRV" })
        {
            var reported = await _live[party].WaitFor(e => e.Event is BreachReported, $"the breach to {party}");
            Assert.Equal(["DRV", "LET", "VES"], reported.Audience.Nations.Order(StringComparer.Ordinal)); // the mediator is told too
            var breach = ((BreachReported)reported.Event).Breach;
            Assert.Equal(("ceasefire", "DRV", "hack"), (breach.ClauseId, breach.Violator, breach.OrderId));
        }

        var breaches = (await View(_control))["table"]!["breaches"]!.AsArray();
        Assert.Equal("DRV", (string)Assert.Single(breaches)!["violator"]!);
        Assert.Equal("breached", (string)(await View(_tokens["LET"]))["phase"]!);

        await _live["TAL"].Resync();
        Assert.DoesNotContain(_live["TAL"].Applied, e => e.Event is BreachReported or MessagePosted);
        var talmarReceived = string.Join("\n", _live["TAL"].Connection.RawReceived);
        Assert.All(new[] { "pull back if sanctions", "line 5 km back", "Only with observers" }, secret => Assert.DoesNotContain(secret, talmarReceived, StringComparison.Ordinal));
        Assert.DoesNotContain("pull back if sanctions", string.Join("\n", _live["TAL"].Applied.Select(e => e.Event.ToString())), StringComparison.Ordinal);
    }

    private async Task Send(string? nation, string type, object args)
    {
        var withSession = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(args, CrisisGrid.Gateway.Hosting.GatewayJson.Options))!.AsObject();
        withSession["session"] = Session;
        await Api.Accept(nation is null ? _control : _tokens[nation], _exerciseId, type, withSession);
    }

    private Task<JsonNode> View(string token) => Api.GetJson(token, $"/api/exercises/{_exerciseId}/negotiations/{Session}");

    private static IEnumerable<string> Messages(JsonNode view) =>
        view["table"]!["messages"]!.AsArray().Select(m => (string)m!["messageId"]!).Order(StringComparer.Ordinal);
}
