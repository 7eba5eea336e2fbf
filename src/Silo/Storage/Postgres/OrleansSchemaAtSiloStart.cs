using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Hosting;
using Orleans.Runtime;

namespace CrisisGrid.Silo.Storage.Postgres;

/// <summary>
/// Applies <see cref="PostgresOrleansSchema"/> while the silo starts, at <see cref="ServiceLifecycleStage.RuntimeInitialize"/>:
/// before membership (<see cref="ServiceLifecycleStage.RuntimeGrainServices"/>) and the reminder service first read
/// their tables and queries, and under the silo's start cancellation. Silos starting together are serialised by the
/// schema's advisory lock; a silo that cannot apply it fails to start with the database's error.
/// </summary>
internal sealed class OrleansSchemaAtSiloStart(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OrleansSchemaAtSiloStart), ServiceLifecycleStage.RuntimeInitialize, ApplyAsync);

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await PostgresOrleansSchema.ApplyAsync(dataSource, cancellationToken);
    }
}

internal static class OrleansSchemaSiloBuilderExtensions
{
    /// <summary>
    /// Makes this silo create/refresh the tables and stored queries that Orleans' ADO.NET clustering and reminders
    /// (invariant <c>Npgsql</c>) read, in the database of <paramref name="connectionString"/>, before it joins.
    /// </summary>
    public static ISiloBuilder ApplyOrleansPostgresSchemaOnStart(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new OrleansSchemaAtSiloStart(connectionString));
        return silo;
    }
}
