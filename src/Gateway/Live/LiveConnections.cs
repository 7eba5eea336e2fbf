using System.Collections.Concurrent;
using CrisisGrid.Diagnostics;
using CrisisGrid.Gateway.Hosting;
using CrisisGrid.Gateway.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CrisisGrid.Gateway.Live;

/// <summary>Every live hub connection with its identity; enforces the connection cap and closes revoked ones.</summary>
public sealed class LiveConnections(IOptions<GatewayOptions> options, CrisisGridMetrics metrics)
{
    private readonly ConcurrentDictionary<string, (ExerciseIdentity Identity, HubCallerContext Context)> _connections = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Registers a connection; false when the gateway is at its connection cap.</summary>
    public bool TryAdd(HubCallerContext context, ExerciseIdentity identity)
    {
        if (Interlocked.Increment(ref _count) > options.Value.Limits.MaxConnections)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        _connections[context.ConnectionId] = (identity, context);
        metrics.ClientConnected(identity.Participant.Role.ToString(), GatewayInstance.Name);
        return true;
    }

    public void Remove(string connectionId)
    {
        if (_connections.TryRemove(connectionId, out var removed))
        {
            Interlocked.Decrement(ref _count);
            metrics.ClientDisconnected(removed.Identity.Participant.Role.ToString(), GatewayInstance.Name);
        }
    }

    public ExerciseIdentity? Identity(string connectionId) => _connections.TryGetValue(connectionId, out var c) ? c.Identity : null;

    public bool HasConnections(string exerciseId) => _connections.Values.Any(c => c.Identity.ExerciseId == exerciseId);

    /// <summary>The connections opened with a revoked code.</summary>
    public IReadOnlyList<(string ConnectionId, HubCallerContext Context)> WithCode(string exerciseId, string codeId) =>
        [.. _connections.Where(c => c.Value.Identity.ExerciseId == exerciseId && c.Value.Identity.CodeId == codeId).Select(c => (c.Key, c.Value.Context))];
}
