namespace CrisisGrid.Grains.Infrastructure;

/// <summary>
/// The clock the rules run on: exercise time, phase and charter deadlines, when events were recorded. It is a service
/// of its own, not the container's <see cref="TimeProvider"/>, because Orleans' runtime (messaging, membership, the
/// reminder service) reads that one: a test that freezes or moves the rules' clock must not freeze the runtime.
/// </summary>
public sealed class RulesClock(TimeProvider time)
{
    public static RulesClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
