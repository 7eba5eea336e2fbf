using System.Collections.Concurrent;
using CrisisGrid.Silo.Reminders;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Tests.Runtime.Support;

/// <summary>A reminder table that outlives a test host, so a second host can play the restarted process.</summary>
public sealed class InMemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> _entries = new();

    public IReadOnlyList<ReminderEntry> Entries => [.. _entries.Values];

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values]);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _entries.Values.Where(e => e.GrainId == grainId)]);

    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        _entries[(entry.GrainId, entry.ReminderName)] = entry;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove((grainId, reminderName), out _);
        return Task.CompletedTask;
    }
}
