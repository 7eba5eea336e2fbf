namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>Where the csproj copies scenario files in the test output directory.</summary>
internal static class ScenarioFiles
{
    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Samples", name);

    public static string BrokenDirectory => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Broken");

    public static string ReadSample(string name) => File.ReadAllText(Sample(name));
}
