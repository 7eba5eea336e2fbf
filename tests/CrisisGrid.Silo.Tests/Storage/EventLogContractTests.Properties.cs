using System.Collections.Concurrent;
using CrisisGrid.Grains.Events;
using CrisisGrid.Silo.Tests.Storage.Support;
using FsCheck;
using FsCheck.Fluent;
using static CrisisGrid.Silo.Tests.Storage.TestEvents;

namespace CrisisGrid.Silo.Tests.Storage;

public abstract partial class EventLogContractTests
{
    /// <summary>One generated append: which of four streams, how many events, and whether it waits for the ones before.</summary>
    public sealed record AppendStep(int Stream, int EventCount, bool StartsNewWave);

    private static readonly Arbitrary<List<AppendStep>> Interleavings =
        (from stream in Gen.Choose(0, 3)
         from count in Gen.Choose(1, 3)
         from newWave in Gen.Elements(true, false, false)
         select new AppendStep(stream, count, newWave))
        .ListOf()
        .Select(steps => steps.ToList())
        .ToArbitrary();

    [ContractFact]
    public void Any_interleaving_of_appends_across_streams_gives_a_gapless_log_and_dense_stream_versions()
    {
        var log = OpenLog();

        // Steps are cut into waves; within a wave each stream's appends run in order while different streams run
        // concurrently, so the log's writer sees a different interleaving on every run.
        // Fewer and shorter runs than FsCheck's default: every append is a durable commit.
        // Checked here rather than by FsCheck.Xunit's [Property]: this is a contract fact, run once per store, and its
        // discoverer skips the PostgreSQL run when no database is configured; [Property]'s own discoverer would not.
        var property = Prop.ForAll(Interleavings, steps => Task.Run(() => HoldsFor(log, steps)).GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40).WithEndSize(40), property);
    }

    private static async Task<bool> HoldsFor(IEventLog log, List<AppendStep> steps)
    {
        var exercise = NewExerciseId();
        var issued = new ConcurrentDictionary<int, List<string>>(); // per stream, headlines in the order appended
        var acknowledged = new ConcurrentBag<IReadOnlyList<RecordedEvent>>();
        var waves = new List<List<(AppendStep Step, int Index)>>();
        foreach (var (step, index) in steps.Select((s, i) => (s, i)))
        {
            if (step.StartsNewWave || waves.Count == 0)
            {
                waves.Add([]);
            }

            waves[^1].Add((step, index));
        }

        foreach (var wave in waves)
        {
            await Task.WhenAll(wave.GroupBy(s => s.Step.Stream).Select(async chain =>
            {
                var headlines = issued.GetOrAdd(chain.Key, _ => []);
                foreach (var (step, index) in chain)
                {
                    var ids = Enumerable.Range(0, step.EventCount).Select(e => $"{index}.{e}").ToArray();
                    acknowledged.Add(await log.AppendAsync(exercise, $"stream/{step.Stream}", headlines.Count, null, News(ids)));
                    headlines.AddRange(ids.Select(id => $"Headline {id}"));
                }
            }));
        }

        var all = await log.ReadExerciseAsync(exercise);
        var total = steps.Sum(s => s.EventCount);
        var gapless = all.Select(r => r.Sequence).SequenceEqual(Enumerable.Range(1, total).Select(i => (long)i));
        var streamsDense = all.GroupBy(r => r.Stream).All(stream =>
            stream.Select(r => r.StreamVersion).SequenceEqual(Enumerable.Range(1, stream.Count()).Select(i => (long)i))
            && stream.Select(Headline).SequenceEqual(issued[int.Parse(stream.Key["stream/".Length..])]));
        var appendsAtomic = acknowledged.All(batch =>
            batch.Select(r => r.Sequence).SequenceEqual(Enumerable.Range(0, batch.Count).Select(i => batch[0].Sequence + i))
            && batch.SequenceEqual(all.Skip((int)batch[0].Sequence - 1).Take(batch.Count)));
        return gapless && streamsDense && appendsAtomic;
    }
}
