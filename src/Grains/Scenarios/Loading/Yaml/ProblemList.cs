using System.Collections.Immutable;
using YamlDotNet.Core;

namespace CrisisGrid.Grains.Scenarios.Loading;

/// <summary>Collects every problem found in one file; the loader keeps going after each so authors see them all at once.</summary>
internal sealed class ProblemList(string file)
{
    private readonly List<ScenarioProblem> _problems = [];

    public int Count => _problems.Count;

    public void Add(Mark at, string path, string message, string? allowed) =>
        _problems.Add(new ScenarioProblem(file, (int)at.Line, (int)at.Column, path, message, allowed));

    /// <summary>In file order (a stable sort keeps problems at one spot in the order they were found).</summary>
    public ImmutableArray<ScenarioProblem> InFileOrder() =>
        [.. _problems.OrderBy(p => p.Line).ThenBy(p => p.Column)];
}
