using System.Text.Json;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>An exercise stores the loaded definition in its first event; nothing the loader produced may be lost on the way.</summary>
public class StorageRoundTripTests
{
    [Theory]
    [InlineData("small-test.yaml")]
    [InlineData("northern-shield.yaml")]
    public void Loaded_scenario_survives_a_round_trip_through_event_json(string file)
    {
        var result = ScenarioLoader.LoadFile(ScenarioFiles.Sample(file));
        Assert.True(result.IsValid, result.Describe());
        var json = JsonSerializer.Serialize(result.Scenario, EventJson.Options);

        var back = JsonSerializer.Deserialize<ScenarioDefinition>(json, EventJson.Options)!;

        // Records holding immutable arrays compare by reference, so compare what storage would write again.
        Assert.Equal(json, JsonSerializer.Serialize(back, EventJson.Options));
        Assert.Equal(result.Scenario.Msel.Count(i => i.Schedule.When is not null), back.Msel.Count(i => i.Schedule.When is not null));
        Assert.Equal(result.Scenario.Msel.Sum(i => i.Triggers.Length), back.Msel.SelectMany(i => i.Triggers).OfType<InjectTrigger>().Count());
    }
}
