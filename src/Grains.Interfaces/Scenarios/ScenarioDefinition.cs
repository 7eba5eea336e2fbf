using System.Collections.Immutable;

namespace CrisisGrid.Grains.Scenarios;

/// <summary>
/// The starting world of an exercise, as loaded and validated from a scenario file (format "crisisgrid/scenario",
/// version 1; see scenarios/README.md and scenarios/scenario.schema.json). An exercise stores the whole definition in
/// its first event, so a replay never depends on the file still being there or unchanged.
/// </summary>
[GenerateSerializer, Alias("Scenarios.ScenarioDefinition"), Immutable]
public sealed record ScenarioDefinition(
    string Id,
    int FormatVersion,
    string Title,
    string Description,
    ClockSettings Clock,
    ImmutableArray<NationDefinition> Nations,
    ImmutableArray<TeamDefinition> Teams,
    ImmutableArray<AllianceDefinition> Alliances,
    ImmutableArray<InjectDefinition> Msel,
    ImmutableArray<Negotiations.TalksDefinition>? Talks = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>Standing talks, convened when the exercise is created (none when the scenario declares none).</summary>
    public ImmutableArray<Negotiations.TalksDefinition> StandingTalks => Talks ?? [];

    public NationDefinition? FindNation(string code) => Nations.FirstOrDefault(n => n.Code == code);
}

/// <summary>
/// The exercise clock. Turns advance simulated time by <see cref="TurnDuration"/> from <see cref="Start"/>.
/// <see cref="Deadlines"/> are optional real-time limits per phase; when one passes the phase advances by itself.
/// </summary>
[GenerateSerializer, Alias("Scenarios.ClockSettings"), Immutable]
public sealed record ClockSettings(
    DateTimeOffset Start,
    TimeSpan TurnDuration,
    int? MaxTurns,
    int ActionPointsPerTurn,
    PhaseDeadlines Deadlines)
{
    /// <summary>
    /// Hold each turn's adjudicated outcomes for exercise control to approve, amend or void before they go out
    /// (<c>clock.reviewAdjudications</c>; off unless the scenario says so). docs/adjudication.md.
    /// </summary>
    [Id(100)]
    public bool ReviewAdjudications { get; init; }
}

/// <summary>Real-time (wall-clock) limits per turn phase; null means the facilitator advances by hand.</summary>
[GenerateSerializer, Alias("Scenarios.PhaseDeadlines"), Immutable]
public sealed record PhaseDeadlines(TimeSpan? Planning, TimeSpan? Orders, TimeSpan? Results)
{
    public static PhaseDeadlines None { get; } = new(null, null, null);
}

/// <summary>Who plays a nation: a team, or exercise control (non-player nations, neutral mediators).</summary>
[GenerateSerializer, Alias("Scenarios.NationControl")]
public enum NationControl
{
    Team,
    Facilitator,
}

[GenerateSerializer, Alias("Scenarios.NationDefinition"), Immutable]
public sealed record NationDefinition(
    string Code,
    string Name,
    string Description,
    NationIndices Indices,
    ImmutableArray<RelationDefinition> Relations,
    NationControl Control,
    bool Neutral,
    int? ActionPointsPerTurn);

/// <summary>The six 0–100 indices of a nation (DOMAIN.md, "Nations").</summary>
[GenerateSerializer, Alias("Scenarios.NationIndices"), Immutable]
public sealed record NationIndices(
    int MilitaryStrength,
    int Readiness,
    int Economy,
    int DomesticStability,
    int PublicSupport,
    int InternationalStanding)
{
    public const int Min = 0;
    public const int Max = 100;

    public int this[NationIndex index] => index switch
    {
        NationIndex.MilitaryStrength => MilitaryStrength,
        NationIndex.Readiness => Readiness,
        NationIndex.Economy => Economy,
        NationIndex.DomesticStability => DomesticStability,
        NationIndex.PublicSupport => PublicSupport,
        NationIndex.InternationalStanding => InternationalStanding,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, null),
    };

    /// <summary>Returns the indices with <paramref name="index"/> moved by <paramref name="delta"/>, clamped to 0–100.</summary>
    public NationIndices Add(NationIndex index, int delta)
    {
        var value = Math.Clamp(this[index] + delta, Min, Max);
        return index switch
        {
            NationIndex.MilitaryStrength => this with { MilitaryStrength = value },
            NationIndex.Readiness => this with { Readiness = value },
            NationIndex.Economy => this with { Economy = value },
            NationIndex.DomesticStability => this with { DomesticStability = value },
            NationIndex.PublicSupport => this with { PublicSupport = value },
            NationIndex.InternationalStanding => this with { InternationalStanding = value },
            _ => throw new ArgumentOutOfRangeException(nameof(index), index, null),
        };
    }
}

[GenerateSerializer, Alias("Scenarios.NationIndex")]
public enum NationIndex
{
    MilitaryStrength,
    Readiness,
    Economy,
    DomesticStability,
    PublicSupport,
    InternationalStanding,
}

/// <summary>How one nation regards another (directional: A's trust in B may differ from B's trust in A). 0–100.</summary>
[GenerateSerializer, Alias("Scenarios.RelationDefinition"), Immutable]
public sealed record RelationDefinition(string With, int Trust, int Tension);

[GenerateSerializer, Alias("Scenarios.TeamDefinition"), Immutable]
public sealed record TeamDefinition(string Id, string Name, string Nation);
