using System.Collections.Immutable;

namespace CrisisGrid.Grains.Negotiations;

[GenerateSerializer, Alias("Negotiations.ClauseChangeKind")]
public enum ClauseChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>What a version did to one clause, compared with the version before it.</summary>
[GenerateSerializer, Immutable, Alias("Negotiations.ClauseChange")]
public sealed record ClauseChange(string ClauseId, ClauseChangeKind Change, string? Before, string? After);

/// <summary>
/// One version of the single negotiating text: who tabled it (a party's nation or the mediator), when, its clauses,
/// an optional duration in turns, and what changed since the previous version. Version numbers start at 1.
/// </summary>
[GenerateSerializer, Immutable, Alias("Negotiations.TextVersion")]
public sealed record TextVersion(
    int Number,
    string Author,
    DateTimeOffset At,
    ImmutableArray<Clause> Clauses,
    int? DurationTurns,
    string? Note,
    ImmutableArray<ClauseChange> Changes);
