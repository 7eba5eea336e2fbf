using System.Globalization;
using System.Text;

namespace CrisisGrid.Gateway.Tests.Fuzz;

/// <summary>What a fuzz run found: the counts the issue asks for, examples of each failure, and latency per path.</summary>
public sealed class FuzzReport
{
    private readonly Dictionary<string, List<double>> _latencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _statuses = new(StringComparer.Ordinal);

    public int Inputs { get; private set; }

    public int ServerErrors { get; private set; }

    public int NonProblemErrors { get; private set; }

    public int Unanswered { get; private set; }

    public int Leaks { get; private set; }

    public int StateChanges { get; set; }

    public int ErrorLogLines { get; set; }

    public List<string> Examples { get; } = [];

    public void Record(string path, double milliseconds, string outcome)
    {
        Inputs++;
        if (!_latencies.TryGetValue(path, out var list))
        {
            _latencies[path] = list = [];
        }

        list.Add(milliseconds);
        _statuses[outcome] = _statuses.GetValueOrDefault(outcome) + 1;
    }

    public void ServerError(string example) => Fail(() => ServerErrors++, example);

    public void NonProblem(string example) => Fail(() => NonProblemErrors++, example);

    public void NoAnswer(string example) => Fail(() => Unanswered++, example);

    public void Leak(string example) => Fail(() => Leaks++, example);

    public void Example(string example)
    {
        if (Examples.Count < 15)
        {
            Examples.Add(example.Length > 400 ? example[..400] + "…" : example);
        }
    }

    public bool Clean => ServerErrors == 0 && NonProblemErrors == 0 && Unanswered == 0 && Leaks == 0 && StateChanges == 0 && ErrorLogLines == 0;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"inputs {Inputs}; 5xx {ServerErrors}; errors not problem details {NonProblemErrors}; internals shown {Leaks}; unanswered {Unanswered}; state changes from refused inputs {StateChanges}; error-level log lines {ErrorLogLines}");
        text.AppendLine("outcomes: " + string.Join(", ", _statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Value}")));
        text.AppendLine("| path | inputs | p50 ms | p99 ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (path, list) in _latencies.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            list.Sort();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {path} | {list.Count} | {Percentile(list, 0.5):F1} | {Percentile(list, 0.99):F1} | {list[^1]:F1} |");
        }

        foreach (var example in Examples)
        {
            text.AppendLine("  e.g. " + example);
        }

        return text.ToString();
    }

    private void Fail(Action count, string example)
    {
        count();
        Example(example);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
