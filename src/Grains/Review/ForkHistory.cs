using CrisisGrid.Grains.Events;

namespace CrisisGrid.Grains.Review;

/// <summary>
/// Copies an exercise's log up to event N into a new exercise, stream by stream with the same stream versions and the
/// same sequence numbers, so every grain of the fork loads the state its counterpart had at N. Events of the access
/// stream are replaced by <see cref="HistoryOmitted"/> placeholders (the fork has codes of its own). Command ids are
/// not copied: they are the original's clients' retry keys, and a fork's client reusing one must not be answered
/// with the original's outcome.
/// </summary>
public static class ForkHistory
{
    /// <summary>Stream of the placeholders: no grain reads it.</summary>
    public const string OmittedStream = "forked-history";

    public static async Task Copy(IEventLog log, string sourceExerciseId, string forkId, long atSequence)
    {
        var history = await log.ReadExerciseAsync(sourceExerciseId, 0, atSequence);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        var run = new List<PendingEvent>();
        (string Stream, string? CommandId)? current = null;
        long expectedNext = 1;
        foreach (var recorded in history)
        {
            var copied = ReviewRules.CopiedIntoFork(recorded);
            var key = (copied ? recorded.Stream : OmittedStream, (string?)null);
            if (current is { } open && open != key)
            {
                expectedNext = await Append(open);
            }

            current = key;
            run.Add(copied
                ? new PendingEvent(recorded.Event, recorded.Audience)
                : new PendingEvent(new HistoryOmitted(recorded.Stream), Audience.Control));
        }

        if (current is { } last)
        {
            await Append(last);
        }

        async Task<long> Append((string Stream, string? CommandId) key)
        {
            var version = versions.GetValueOrDefault(key.Stream);
            var written = await log.AppendAsync(forkId, key.Stream, version, key.CommandId, run);
            if (written[0].Sequence != expectedNext)
            {
                throw new InvalidOperationException($"Fork {forkId} got event {written[0].Sequence} where the copy needed {expectedNext}: the fork's log was not empty.");
            }

            versions[key.Stream] = version + run.Count;
            expectedNext = written[^1].Sequence + 1;
            run.Clear();
            return expectedNext;
        }
    }
}
