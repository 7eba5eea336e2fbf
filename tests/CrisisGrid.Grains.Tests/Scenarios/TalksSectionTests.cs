using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>Standing talks and talks opened by injects: read, and every mistake reported where it is.</summary>
public class TalksSectionTests
{
    [Fact]
    public void Standing_talks_and_good_offices_are_read_with_their_parties_and_mediator()
    {
        var result = ScenarioLoader.Load(ScenarioYaml.WithNations("""
            talks:
              - {id: border-talks, title: Border talks, parties: [ARD, BOR], mediator: CAL, secret: true}
            msel:
              - id: offer
                title: Calderra offers its good offices
                kind: borderIncident
                triggers:
                  - goodOffices: {id: lake-talks, title: Lake talks, parties: [ARD, BOR], mediator: CAL}
            """), "talks.yaml");
        Assert.True(result.IsValid, result.Describe());
        var standing = Assert.Single(result.Scenario!.StandingTalks);
        Assert.Equal(("border-talks", "CAL", true), (standing.Id, standing.Mediator, standing.Secret));
        Assert.Equal(["ARD", "BOR"], standing.Parties.AsEnumerable());
        var offered = Assert.IsType<OpenTalksTrigger>(Assert.Single(result.Scenario.Msel[0].Triggers));
        Assert.Equal("lake-talks", offered.Talks.Id);
    }

    [Fact]
    public void Unknown_parties_a_partisan_mediator_missing_good_offices_and_duplicate_ids_are_reported()
    {
        var result = ScenarioLoader.Load(ScenarioYaml.WithNations("""
            talks:
              - {id: a, title: A, parties: [ARD, BORR]}
              - {id: a, title: B, parties: [ARD, BOR], mediator: ARD}
              - {id: c, title: C, parties: [ARD]}
            msel:
              - id: offer
                title: Offer
                kind: borderIncident
                triggers:
                  - goodOffices: {id: d, title: D, parties: [ARD, BOR]}
            """), "talks.yaml");
        Assert.False(result.IsValid);
        var messages = result.Problems.Select(p => $"{p.Line}: {p.Message}").ToList();
        Assert.Contains(messages, m => m.StartsWith("15: unknown party 'BORR'.", StringComparison.Ordinal) && m.Contains("BOR", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("16: duplicate talks id 'a'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("16: 'ARD' is a party to talks 'a' and cannot also mediate them.", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("17: 1 party; talks need at least two.", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Line == 23 && p.Path.EndsWith("mediator", StringComparison.Ordinal));
    }
}
