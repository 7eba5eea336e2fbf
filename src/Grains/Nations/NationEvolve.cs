using System.Collections.Immutable;
using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Nations;

/// <summary>The nation's state transitions: pure, total, and the only place state changes.</summary>
public static class NationEvolve
{
    public static NationState Apply(NationState state, DomainEvent domainEvent) => domainEvent switch
    {
        NationInitialized e => state with
        {
            Name = e.Definition.Name,
            Initialized = true,
            Control = e.Definition.Control,
            Neutral = e.Definition.Neutral,
            Indices = e.Definition.Indices,
            Relations = e.Relations,
            ActionPointsPerTurn = e.ActionPointsPerTurn,
        },
        OrdersOpened e => state with { OrdersTurn = e.Turn, OrdersOpen = true, ActionPoints = e.ActionPoints, Orders = [] },
        OrderSubmitted e => state with { Orders = state.Orders.Add(e.Order), ActionPoints = state.ActionPoints - e.Order.Cost },
        ActionPointsSpent e => state with { ActionPoints = state.ActionPoints - e.Points },
        OrderWithdrawn e => Withdraw(state, e.OrderId),
        OrdersClosed => state with { OrdersOpen = false },
        NationChanged e => ApplyDelta(state, e.Delta) with { AppliedCauses = state.AppliedCauses.Add(e.Cause) },
        NationPostureChanged e => state with { Posture = e.Posture, Sanctioning = [.. e.Sanctioning] },
        _ => state,
    };

    public static NationState ApplyDelta(NationState state, NationDelta delta)
    {
        var indices = state.Indices;
        foreach (var (index, value) in delta.Indices)
        {
            indices = indices.Add(index, value);
        }

        var relations = state.Relations;
        foreach (var change in delta.Relations.Values)
        {
            relations = relations.SetItem(change.Toward, state.RelationWith(change.Toward).Add(change.Trust, change.Tension));
        }

        var sanctioning = state.Sanctioning;
        if (delta.SanctionsImposed is { } imposed)
        {
            sanctioning = sanctioning.Union(imposed);
        }

        if (delta.SanctionsLifted is { } lifted)
        {
            sanctioning = sanctioning.Except(lifted);
        }

        return state with { Indices = indices, Relations = relations, Posture = delta.Posture?.ApplyTo(state.Posture) ?? state.Posture, Sanctioning = sanctioning };
    }

    private static NationState Withdraw(NationState state, string orderId)
    {
        var order = state.Orders.Find(o => o.OrderId == orderId);
        return order is null ? state : state with { Orders = state.Orders.Remove(order), ActionPoints = state.ActionPoints + order.Cost };
    }
}
