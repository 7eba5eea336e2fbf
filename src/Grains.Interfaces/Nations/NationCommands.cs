using System.Collections.Immutable;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>Sets the nation up from the scenario. <paramref name="AllNations"/> lists every nation of the exercise.</summary>
[GenerateSerializer, Alias("Nations.InitializeNation"), Immutable]
public sealed record InitializeNation(NationDefinition Definition, ImmutableArray<string> AllNations, int ActionPointsPerTurn);

[GenerateSerializer, Alias("Nations.OpenOrders"), Immutable]
public sealed record OpenOrders(int Turn);

/// <summary>An order for the current turn. <paramref name="OrderId"/> is chosen by the client and unique per turn.</summary>
[GenerateSerializer, Alias("Nations.SubmitOrder"), Immutable]
public sealed record SubmitOrder(string OrderId, NationAction Action);

[GenerateSerializer, Alias("Nations.WithdrawOrder"), Immutable]
public sealed record WithdrawOrder(string OrderId);

/// <summary>
/// Spends action points of this turn on something that is not an order (convening talks): asked by the exercise
/// on behalf of the team, idempotent per command id. <paramref name="For"/> says in words what the points buy.
/// </summary>
[GenerateSerializer, Alias("Nations.SpendActionPoints"), Immutable]
public sealed record SpendActionPoints(int Points, string For);

/// <summary>
/// Applies a change decided elsewhere (adjudication, inject, news, exercise control). Idempotent per cause;
/// <paramref name="Because"/> is the cause in the team's words.
/// </summary>
[GenerateSerializer, Alias("Nations.ApplyNationChange"), Immutable]
public sealed record ApplyNationChange(string Cause, string Summary, NationDelta Delta, string? Because = null);

/// <summary>What a nation hands to adjudication when its orders close: the orders and its state at that moment.</summary>
[GenerateSerializer, Alias("Nations.ClosedOrders"), Immutable]
public sealed record ClosedOrders(int Turn, NationState Nation, ImmutableArray<Order> Orders);
