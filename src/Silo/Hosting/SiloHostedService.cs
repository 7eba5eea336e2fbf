using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrisisGrid.Silo.Hosting;

/// <summary>
/// Starts the parts of the silo that run on their own (reminders, the idle collector) and, on stop, deactivates every
/// activation so that OnDeactivateAsync runs with <c>ShuttingDown</c>. Grain calls work before start too; only
/// reminders and collection wait for it.
/// </summary>
internal sealed class SiloHostedService(GrainRuntime runtime, ReminderService reminders, IdleCollector collector) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reminders.StartAsync(cancellationToken).ConfigureAwait(false);
        collector.Start();
        runtime.Logger.LogInformation("Silo started");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Nothing new may start (reminder ticks, collections) while the activations are being taken down.
        reminders.Stop();
        collector.Stop();
        await runtime.ShutdownAsync(cancellationToken).ConfigureAwait(false);
        runtime.Logger.LogInformation("Silo stopped");
    }
}
