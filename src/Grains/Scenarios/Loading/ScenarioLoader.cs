using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>
/// Reads a scenario file (YAML, format <c>crisisgrid/scenario</c> version 1 — scenarios/README.md) into a
/// <see cref="ScenarioDefinition"/>, or reports every problem with its line, column and field path. The loader is
/// the authority on what is valid; scenarios/scenario.schema.json is a convenience for editors that cannot check
/// cross-references.
/// </summary>
public static class ScenarioLoader
{
    private static readonly string[] RootKeys = ["format", "version", "id", "title", "description", "clock", "nations", "teams", "alliances", "msel", "talks"];

    /// <summary>Loads a scenario from text; <paramref name="fileName"/> is used only to label problems.</summary>
    public static ScenarioLoadResult Load(string yamlText, string fileName)
    {
        var problems = new ProblemList(fileName);
        var scenario = Parse(yamlText, problems);
        return new ScenarioLoadResult(problems.Count == 0 ? scenario : null, problems.InFileOrder());
    }

    /// <summary>Loads a scenario file; a file that cannot be read is reported as a problem, like any other.</summary>
    public static ScenarioLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ScenarioLoadResult(null, [new ScenarioProblem(Path.GetFileName(path), 1, 1, "", $"the file cannot be read: {e.Message}", null)]);
        }

        return Load(text, Path.GetFileName(path));
    }

    private static ScenarioDefinition? Parse(string yamlText, ProblemList problems)
    {
        if (ReadDocument(yamlText, problems) is not { } root)
        {
            return null;
        }

        var cursor = new NodeCursor(root, "", problems);
        if (root is not YamlMappingNode mapping)
        {
            cursor.Report($"expected a mapping at the top of the file, found {cursor.Describe()}.", "a mapping that starts with format: crisisgrid/scenario and version: 1");
            return null;
        }

        if (!HeaderSection.Read(cursor, mapping))
        {
            return null; // not a version-1 scenario: the rest of the file cannot be judged against this format
        }

        var top = new MappingCursor(cursor, mapping, RootKeys);
        var context = new LoadContext(problems);

        // Sections are read in dependency order only where one needs another's facts (the clock's maxTurns for
        // the MSEL); references between sections are resolved afterwards by the cross-reference checker.
        var id = top.Required("id", Identifiers.IdAllowed)?.Matching(Identifiers.Id(), Identifiers.IdAllowed);
        var title = top.Required("title")?.Text();
        var description = top.Optional("description")?.Text() ?? "";
        var clock = top.Required("clock", "a mapping with start and optionally turnDuration, maxTurns, actionPointsPerTurn, deadlines, reviewAdjudications") is { } c
            ? ClockSection.Read(c, context) : null;
        var nations = top.Required("nations", "a list of nations, at least one") is { } n ? NationSection.Read(n, context) : [];
        var teams = top.Optional("teams") is { } t ? TeamSection.Read(t, context) : [];
        var alliances = top.Optional("alliances") is { } a ? AllianceSection.Read(a, context) : [];
        var msel = top.Optional("msel") is { } m ? MselSection.Read(m, context) : [];
        var talks = top.Optional("talks") is { } k ? TalksSection.ReadList(k, context) : [];

        CrossReferenceChecker.Check(context);
        if (problems.Count > 0 || id is null || title is null || clock is null)
        {
            return null;
        }

        return new ScenarioDefinition(
            id, ScenarioDefinition.CurrentFormatVersion, title, description, clock,
            RelationDefaults.Complete(nations), teams, alliances, msel, talks.IsEmpty ? null : talks);
    }

    /// <summary>Parses the YAML into one document's root node; syntax errors (which stop the parser) are reported with their position.</summary>
    private static YamlNode? ReadDocument(string yamlText, ProblemList problems)
    {
        if (NestingGuard.FindTooDeep(yamlText) is { } tooDeep)
        {
            problems.Add(tooDeep, "", $"the YAML nests more than {NestingGuard.MaxDepth} levels deep.", "a scenario as described in scenarios/README.md");
            return null;
        }

        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yamlText)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            problems.Add(e.Start, "", $"YAML syntax error: {SyntaxMessage(e)}", null);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unterminated structures; it has no position of its own.
            problems.Add(parser.LastGoodEnd, "", "YAML syntax error: the file ends inside an unclosed [ ] or { } (or the YAML is malformed just after this point).", null);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            problems.Add(Mark.Empty, "", "the file is empty.", "a mapping that starts with format: crisisgrid/scenario and version: 1");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            problems.Add(stream.Documents[1].RootNode.Start, "", $"the file holds {stream.Documents.Count} YAML documents; a scenario is one.", "a single document (no second ---)");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>YamlDotNet words some messages for its own developers; say what the author did instead.</summary>
    private static string SyntaxMessage(YamlException e)
    {
        const string duplicate = "Duplicate key ";
        var message = e.Message.StartsWith(duplicate, StringComparison.Ordinal)
            ? $"the key '{e.Message[duplicate.Length..]}' appears twice in the same mapping"
            : e.Message.TrimEnd('.');
        return $"{char.ToLowerInvariant(message[0])}{message[1..]}.";
    }
}
