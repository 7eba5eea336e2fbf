using System.Collections.Immutable;
using CrisisGrid.Grains.Events;
using CrisisGrid.Grains.Scenarios;

namespace CrisisGrid.Grains.Nations;

/// <summary>The nation enters the exercise with its scenario definition and a relation to every other nation.</summary>
[EventType("nation.initialized"), GenerateSerializer, Alias("Nations.NationInitialized"), Immutable]
public sealed record NationInitialized(
    NationDefinition Definition,
    ImmutableSortedDictionary<string, Relation> Relations,
    int ActionPointsPerTurn) : DomainEvent;

/// <summary>The orders phase of <paramref name="Turn"/> opened with a fresh budget of action points.</summary>
[EventType("nation.orders-opened"), GenerateSerializer, Alias("Nations.OrdersOpened"), Immutable]
public sealed record OrdersOpened(int Turn, int ActionPoints) : DomainEvent;

[EventType("nation.order-submitted"), GenerateSerializer, Alias("Nations.OrderSubmitted"), Immutable]
public sealed record OrderSubmitted(Order Order) : DomainEvent;

/// <summary><paramref name="Points"/> of turn <paramref name="Turn"/>'s budget went to <paramref name="For"/> (convening talks), not to an order.</summary>
[EventType("nation.action-points-spent"), GenerateSerializer, Alias("Nations.ActionPointsSpent"), Immutable]
public sealed record ActionPointsSpent(int Turn, int Points, string For) : DomainEvent;

[EventType("nation.order-withdrawn"), GenerateSerializer, Alias("Nations.OrderWithdrawn"), Immutable]
public sealed record OrderWithdrawn(int Turn, string OrderId) : DomainEvent;

/// <summary>The orders phase closed; the listed orders go to adjudication.</summary>
[EventType("nation.orders-closed"), GenerateSerializer, Alias("Nations.OrdersClosed"), Immutable]
public sealed record OrdersClosed(int Turn, ImmutableArray<Order> Orders) : DomainEvent;

/// <summary>
/// The nation changed because of <paramref name="Cause"/> (the delivery's key: an outcome, an inject release, news, an
/// adjustment by exercise control; it makes a redelivery change nothing). <paramref name="Summary"/> tells the team
/// what happened in words; <paramref name="Because"/> says which act of which nation (or which scenario event, news
/// item or adjustment) caused it, worded for the team and only as far as the team may know who acted (see
/// ChangeCauses in the rules). Events recorded before causes were worded have none.
/// </summary>
[EventType("nation.changed"), GenerateSerializer, Alias("Nations.NationChanged"), Immutable]
public sealed record NationChanged(string Cause, string Summary, NationDelta Delta, string? Because = null) : DomainEvent;

/// <summary>
/// The visible part of a change: where the nation's forces are and whom it sanctions (movements and sanctions are
/// observable). Public, unlike <see cref="NationChanged"/>, which tells only the nation's team what changed inside.
/// </summary>
[EventType("nation.posture-changed"), GenerateSerializer, Alias("Nations.NationPostureChanged"), Immutable]
public sealed record NationPostureChanged(ForcePosture Posture, ImmutableArray<string> Sanctioning) : DomainEvent;
