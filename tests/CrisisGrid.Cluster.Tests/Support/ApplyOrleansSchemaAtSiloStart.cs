using CrisisGrid.Silo.Storage.Postgres;
using Npgsql;
using Orleans.Runtime;

namespace CrisisGrid.Cluster.Tests.Support;

/// <summary>
/// Applies the Orleans schema as the silo starts, the way the silo host can: at RuntimeInitialize, which runs before
/// membership (RuntimeGrainServices) and the reminder service first read their tables. Silos starting together are
/// serialised by the schema's advisory lock.
/// </summary>
internal sealed class ApplyOrleansSchemaAtSiloStart(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ApplyOrleansSchemaAtSiloStart), ServiceLifecycleStage.RuntimeInitialize, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgresOrleansSchema.ApplyAsync(dataSource, cancellationToken);
    }
}
