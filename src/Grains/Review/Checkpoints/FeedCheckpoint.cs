using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.World;

namespace CrisisGrid.Grains.Review.Checkpoints;

// What the feed grain derives from the log, as stored in a checkpoint. These types never cross a grain boundary (they
// are written to the database by the Orleans serializer), so they live with the review, not in Grains.Interfaces.

/// <summary>
/// The feed's whole derived state after event <c>World.Sequence</c>: the world, every event's audience (the viewers'
/// numbering), and the review's chart and turn-summary builders. Audiences are stored once each, with an index per
/// event: an exercise has a few dozen distinct audiences and 100,000 events.
/// </summary>
[GenerateSerializer, Immutable, Alias("Review.FeedCheckpoint")]
public sealed record FeedCheckpoint(
    WorldState World,
    ImmutableArray<Audience> Audiences,
    ImmutableArray<int> AudienceOfEvent,
    long? ReviewOpenedAt,
    SeriesCheckpoint Series,
    TurnsCheckpoint Turns);

/// <summary>The chart series' builder (<see cref="ReviewSeriesBuilder"/>) part way through the log.</summary>
[GenerateSerializer, Immutable, Alias("Review.SeriesCheckpoint")]
public sealed record SeriesCheckpoint(
    ImmutableArray<ReviewPoint> Points,
    ImmutableArray<WorldState> Worlds,
    ImmutableArray<ReviewMarker> Markers,
    ImmutableArray<OverrideRecord> Overrides,
    ImmutableArray<FreeRiderRecord> FreeRiders,
    ImmutableArray<TurnOrders> Orders,
    WorldState World,
    DateTimeOffset LastAt,
    ImmutableArray<NegotiationRecord> Negotiations);

/// <summary>The turn summaries' builder (<see cref="TurnSummaryBuilder"/>) part way through the log, with the open turn.</summary>
[GenerateSerializer, Immutable, Alias("Review.TurnsCheckpoint")]
public sealed record TurnsCheckpoint(
    ImmutableArray<TurnSummary> Done,
    int Turn,
    long First,
    long Last,
    WorldState Start,
    ImmutableArray<OrderSummary> Orders,
    ImmutableArray<string> Happened,
    ImmutableArray<string> Decisions,
    WorldState World);
