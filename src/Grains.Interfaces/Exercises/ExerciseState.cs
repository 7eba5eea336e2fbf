using System.Collections.Immutable;
using CrisisGrid.Grains.Adjudication;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Exercises;

[GenerateSerializer, Alias("Exercises.ExerciseStatus")]
public enum ExerciseStatus
{
    NotCreated,
    Draft,
    Running,
    Paused,
    Ended,
}

/// <summary>Each turn runs planning → orders → adjudication → results.</summary>
[GenerateSerializer, Alias("Exercises.TurnPhase")]
public enum TurnPhase
{
    Planning,
    Orders,
    Adjudication,
    Results,
}

[GenerateSerializer, Alias("Exercises.TeamAssignment"), Immutable]
public sealed record TeamAssignment(string TeamId, string TeamName, string Nation);

/// <summary>
/// The exercise grain's state: lifecycle, clock, team assignments, the MSEL's progress, adjudicated outcomes, the
/// seeded random stream's position, and the outbox of changes still to deliver to other grains.
/// </summary>
[GenerateSerializer, Alias("Exercises.ExerciseState"), Immutable]
public sealed record ExerciseState(
    string Id,
    ExerciseStatus Status,
    string Name,
    ScenarioDefinition? Scenario,
    long Seed,
    long Draws,
    int Turn,
    TurnPhase Phase,
    DateTimeOffset? DeadlineAt,
    TimeSpan? PausedRemaining,
    ImmutableSortedDictionary<string, TeamAssignment> Teams,
    ImmutableSortedSet<string> ReleasedInjects,
    int AdHocInjects,
    int NewsItems,
    ImmutableSortedDictionary<string, Outcome> Outcomes,
    int AdjudicatedTurn,
    ImmutableList<Delivery> Outbox,
    bool ReviewOpen,
    string? EndReason,
    ImmutableSortedSet<string>? Negotiations = null,
    int ComplianceReviewedTurn = 0)
{
    public static ExerciseState Empty(string id) => new(
        id,
        ExerciseStatus.NotCreated,
        Name: "",
        Scenario: null,
        Seed: 0,
        Draws: 0,
        Turn: 0,
        TurnPhase.Planning,
        DeadlineAt: null,
        PausedRemaining: null,
        ImmutableSortedDictionary<string, TeamAssignment>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal),
        AdHocInjects: 0,
        NewsItems: 0,
        ImmutableSortedDictionary<string, Outcome>.Empty.WithComparers(StringComparer.Ordinal),
        AdjudicatedTurn: 0,
        [],
        ReviewOpen: false,
        EndReason: null);

    /// <summary>The scenario; only valid once the exercise is created.</summary>
    public ScenarioDefinition World => Scenario ?? throw new InvalidOperationException($"Exercise {Id} has not been created.");

    public IEnumerable<string> NationCodes => World.Nations.Select(n => n.Code);

    public IEnumerable<string> AllianceCodes => World.Alliances.Select(a => a.Code);

    /// <summary>The team playing <paramref name="nation"/>, if any.</summary>
    public TeamAssignment? TeamFor(string nation) => Teams.Values.FirstOrDefault(t => t.Nation == nation);

    public bool IsLive => Status is ExerciseStatus.Running or ExerciseStatus.Paused;

    /// <summary>The negotiation sessions the exercise convened (each is handed every adjudicated turn).</summary>
    public ImmutableSortedSet<string> NegotiationIds => Negotiations ?? ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Exercise control showed teams the whole archive after the exercise (Review/ReviewEvents.cs).</summary>
    [Id(100)]
    public bool ArchiveRevealed { get; init; }

    /// <summary>
    /// Whether adjudicated outcomes are held for exercise control's review before they go out (the scenario's
    /// <c>clock.reviewAdjudications</c>, then exercise control's choice). Read when a turn is adjudicated.
    /// </summary>
    [Id(101)]
    public bool ReviewAdjudications { get; init; }

    /// <summary>The turn whose outcomes are held for review, until exercise control releases them; null otherwise.</summary>
    [Id(102)]
    public AdjudicationReview.AdjudicationQueue? Queue { get; init; }

    /// <summary>Results wait for exercise control: nothing of the held turn reaches the nations, and the turn does not move on.</summary>
    public bool AwaitingRelease => Queue is not null;
}
