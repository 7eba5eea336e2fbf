using CrisisGrid.Testing;

namespace CrisisGrid.Grains.Tests.Support;

/// <summary>Base for tests that play an exercise through the real silo, on a SQLite log in a folder of their own.</summary>
public abstract class EngineTest : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();

    internal EngineDriver Driver { get; private set; } = null!;

    public virtual async Task InitializeAsync() =>
        Driver = new EngineDriver(await TestSilo.StartAsync(_dir.File("log.db"), TestClock.Create()));

    public async Task DisposeAsync()
    {
        await Driver.Silo.DisposeAsync();
        _dir.Dispose();
    }
}
