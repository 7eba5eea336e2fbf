using CrisisGrid.Grains.Events;
using Microsoft.Extensions.Hosting;

namespace CrisisGrid.Silo.Storage;

/// <summary>Resolves the storage singletons at host start: their constructors open the database and migrate it.</summary>
internal sealed class StorageStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(IEventLog));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
