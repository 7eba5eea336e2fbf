using Microsoft.Extensions.Time.Testing;

namespace CrisisGrid.Testing;

/// <summary>
/// The rules' clock in tests: a <see cref="FakeTimeProvider"/> that moves only when a test says so (timers created from
/// it fire during <c>Advance</c>), starting on one fixed morning so that dates in assertions are stable. Inject it where
/// the rules and grains take their clock; a runtime's own machinery (messaging, membership) needs the real clock.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
