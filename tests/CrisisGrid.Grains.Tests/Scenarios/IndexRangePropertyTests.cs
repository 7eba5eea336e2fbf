using CrisisGrid.Grains.Scenarios;
using CrisisGrid.Grains.Scenarios.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Tests.Scenarios;

/// <summary>Properties over the small-test sample: any one index set to any integer is accepted exactly when it is 0–100.</summary>
public class IndexRangePropertyTests
{
    private static readonly string SmallTest = ScenarioFiles.ReadSample("small-test.yaml");
    private static readonly string[] IndexNames = ["militaryStrength", "readiness", "economy", "domesticStability", "publicSupport", "internationalStanding"];

    /// <summary>Nation <see cref="Nation"/>'s index <see cref="Index"/> set to a value outside 0–100.</summary>
    public sealed record OutOfRangeIndex(int Nation, string Index, int Value);

    /// <summary>Nation <see cref="Nation"/>'s index number <see cref="Index"/> set to a value within 0–100.</summary>
    public sealed record InRangeIndex(int Nation, int Index, int Value);

    public static class Arbitraries
    {
        // Near the bounds as well as anywhere: an off-by-one in the range check shows up at -1 and 101.
        public static Arbitrary<OutOfRangeIndex> OutOfRange() =>
            (from nation in Gen.Choose(0, 3)
             from index in Gen.Elements(IndexNames)
             from value in Gen.OneOf(Gen.Choose(int.MinValue, -1), Gen.Choose(101, int.MaxValue), Gen.Choose(-3, -1), Gen.Choose(101, 104))
             select new OutOfRangeIndex(nation, index, value)).ToArbitrary();

        public static Arbitrary<InRangeIndex> InRange() =>
            (from nation in Gen.Choose(0, 3)
             from index in Gen.Choose(0, IndexNames.Length - 1)
             from value in Gen.Choose(0, 100)
             select new InRangeIndex(nation, index, value)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Any_out_of_range_index_yields_exactly_one_range_problem_at_its_path(OutOfRangeIndex m)
    {
        var result = ScenarioLoader.Load(WithIndex(m.Nation, m.Index, m.Value), "small-test.yaml");

        return result.Scenario is null
            && result.Problems is [{ } problem]
            && problem.Path == $"nations[{m.Nation}].indices.{m.Index}"
            && problem.Message == $"{m.Value} is out of range."
            && problem.Allowed == "an integer from 0 to 100";
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public bool Any_in_range_index_loads_with_that_value(InRangeIndex m)
    {
        var result = ScenarioLoader.Load(WithIndex(m.Nation, IndexNames[m.Index], m.Value), "small-test.yaml");

        return result.IsValid && result.Scenario.Nations[m.Nation].Indices[(NationIndex)m.Index] == m.Value;
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
