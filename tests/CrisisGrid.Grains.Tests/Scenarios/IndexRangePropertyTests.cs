using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using FsCheck;
using FsCheck.Fluent;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>Properties over the small-test sample: any one index set to any integer is accepted exactly when it is 0–100.</summary>
public class IndexRangePropertyTests
{
    private static readonly string SmallTest = ScenarioFiles.ReadSample("small-test.yaml");
    private static readonly string[] IndexNames = ["militaryStrength", "readiness", "economy", "domesticStability", "publicSupport", "internationalStanding"];

    [Fact]
    public void Any_out_of_range_index_yields_exactly_one_range_problem_at_its_path()
    {
        var outOfRange = Gen.OneOf(Gen.Choose(int.MinValue, -1), Gen.Choose(101, int.MaxValue), Gen.Choose(-3, -1), Gen.Choose(101, 104));
        var mutations = Gen.Zip(Gen.Zip(Gen.Choose(0, 3), Gen.Elements(IndexNames)), outOfRange).ToArbitrary();

        Prop.ForAll(mutations, m =>
        {
            var ((nation, index), value) = m;
            var result = ScenarioLoader.Load(WithIndex(nation, index, value), "small-test.yaml");

            return result.Scenario is null
                && result.Problems is [{ } problem]
                && problem.Path == $"nations[{nation}].indices.{index}"
                && problem.Message == $"{value} is out of range."
                && problem.Allowed == "an integer from 0 to 100";
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Any_in_range_index_loads_with_that_value()
    {
        var mutations = Gen.Zip(Gen.Zip(Gen.Choose(0, 3), Gen.Choose(0, IndexNames.Length - 1)), Gen.Choose(0, 100)).ToArbitrary();

        Prop.ForAll(mutations, m =>
        {
            var ((nation, index), value) = m;
            var result = ScenarioLoader.Load(WithIndex(nation, IndexNames[index], value), "small-test.yaml");

            return result.IsValid && result.Scenario.Nations[nation].Indices[(NationIndex)index] == value;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>The sample with one index replaced, edited through YAML's node tree so nothing else changes meaning.</summary>
    private static string WithIndex(int nation, string index, int value)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(SmallTest));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var nations = (YamlSequenceNode)root["nations"];
        var indices = (YamlMappingNode)((YamlMappingNode)nations[nation])["indices"];
        ((YamlScalarNode)indices[index]).Value = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }
}
