using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;

namespace CrisisGrid.Grains.Tests.Scenarios;

public class SampleScenarioTests
{
    [Theory]
    [InlineData("small-test.yaml", "small-test")]
    [InlineData("northern-shield.yaml", "northern-shield")]
    public void Sample_loads_without_problems(string file, string id)
    {
        var result = ScenarioLoader.LoadFile(ScenarioFiles.Sample(file));

        Assert.True(result.IsValid, result.Describe());
        Assert.Empty(result.Problems);
        Assert.Equal(id, result.Scenario.Id);
        Assert.Equal(ScenarioDefinition.CurrentFormatVersion, result.Scenario.FormatVersion);
    }
}
