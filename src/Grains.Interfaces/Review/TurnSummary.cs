using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Review;

/// <summary>An order that went to adjudication, with what became of it.</summary>
[GenerateSerializer, Immutable, Alias("Review.OrderSummary")]
public sealed record OrderSummary(string Nation, string OrderId, string Action, string? Target, bool? Success, string? Outcome);

/// <summary>One index of one nation that moved during the turn.</summary>
[GenerateSerializer, Immutable, Alias("Review.IndexChange")]
public sealed record IndexChange(string Nation, NationIndex Index, int From, int To)
{
    public int Delta => To - From;
}

/// <summary>
/// One turn for the after-action review: what was ordered, what happened (injects, news, outcomes, missed orders),
/// what changed most (the largest index moves between the turn's start and the next turn's start), and the
/// alliance decisions taken.
/// </summary>
[GenerateSerializer, Immutable, Alias("Review.TurnSummary")]
public sealed record TurnSummary(
    int Turn,
    long FirstSequence,
    long LastSequence,
    ImmutableArray<OrderSummary> Orders,
    ImmutableArray<string> Happened,
    ImmutableArray<IndexChange> ChangedMost,
    ImmutableArray<string> Decisions);
