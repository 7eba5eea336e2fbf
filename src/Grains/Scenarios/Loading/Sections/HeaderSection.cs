using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// <c>format: crisisgrid/scenario</c> and <c>version: 1</c>. Checked before anything else: a file that is not a
/// version-1 scenario would otherwise drown its one real problem in a flood of "unknown key" reports.
/// </summary>
internal static class HeaderSection
{
    public const string Format = "crisisgrid/scenario";

    /// <summary>True when the file declares the format and a version this loader reads.</summary>
    public static bool Read(NodeCursor root, YamlMappingNode mapping)
    {
        var formatOk = false;
        if (Find(mapping, "format") is not { } formatNode)
        {
            root.Problems.Add(root.Node.Start, "format", "missing required key 'format'.", Format);
        }
        else if (root.Field("format", formatNode) is var format && format.Text(Format) is { } text)
        {
            formatOk = text == Format;
            if (!formatOk)
            {
                format.Report($"'{text}' is not the CrisisGrid scenario format.", Format);
            }
        }

        var supported = $"{ScenarioDefinition.CurrentFormatVersion}";
        var versionOk = false;
        if (Find(mapping, "version") is not { } versionNode)
        {
            root.Problems.Add(root.Node.Start, "version", "missing required key 'version'.", supported);
        }
        else if (root.Field("version", versionNode) is var version && version.Integer(int.MinValue, int.MaxValue, supported) is { } number)
        {
            versionOk = number == ScenarioDefinition.CurrentFormatVersion;
            if (!versionOk)
            {
                version.Report($"version {number} is not supported by this server.", supported);
            }
        }

        return formatOk && versionOk;
    }

    private static YamlNode? Find(YamlMappingNode mapping, string key) =>
        mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: var name } && name == key).Value;
}
