using System.Reflection;
using CrisisGrid.Cluster.Tests.Support;
using CrisisGrid.Silo.Storage.Postgres;
using CrisisGrid.Testing;
using Npgsql;
using Orleans.Configuration;

namespace CrisisGrid.Cluster.Tests;

/// <summary>
/// The schema Orleans' ADO.NET clustering and reminders read (src/Silo/Storage/Postgres/OrleansClusterSchema.sql):
/// complete, idempotent, and keeping the providers' version/etag contract.
/// </summary>
public sealed class OrleansSchemaTests
{
    [PostgresFact]
    public async Task Schema_holds_every_query_the_clustering_and_reminder_providers_demand()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None);

        // The providers refuse to start unless OrleansQuery has a row for each property of their DbStoredQueries
        // class; read that list from the shipped assemblies so an Orleans upgrade that adds a query fails here.
        var demanded = StoredQueryKeys(typeof(AdoNetClusteringSiloOptions).Assembly, "Orleans.Clustering.AdoNet.Storage.DbStoredQueries")
            .Concat(StoredQueryKeys(typeof(AdoNetReminderTableOptions).Assembly, "Orleans.Reminders.AdoNet.Storage.DbStoredQueries"))
            .ToList();
        Assert.Contains("InsertMembershipKey", demanded);
        Assert.Contains("UpsertReminderRowKey", demanded);

        var stored = await new OrleansTables(dataSource).QueriesAsync();
        Assert.Empty(demanded.Except(stored.Keys));
    }

    [PostgresFact]
    public async Task Applying_the_schema_again_or_from_two_silos_at_once_keeps_data_and_restores_queries()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var tables = new OrleansTables(dataSource);

        // Two silos starting together: the advisory lock makes one wait, and the second run finds everything there.
        await Task.WhenAll(
            PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None),
            PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None));

        await tables.RunStoredAsync<int>("UpsertReminderRowKey", Reminder("exercise/e1", version: null));
        await tables.ScalarAsync<int>("UPDATE OrleansQuery SET QueryText = 'broken' WHERE QueryKey = 'MembershipReadAllKey'");
        var original = PostgresOrleansSchema.Script;

        await PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None);

        Assert.Equal(1, await tables.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable"));
        var queries = await tables.QueriesAsync();
        Assert.NotEqual("broken", queries["MembershipReadAllKey"]);
        Assert.Contains(queries["MembershipReadAllKey"].Trim(), original, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Membership_change_against_a_stale_table_version_changes_nothing()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None);
        var tables = new OrleansTables(dataSource);
        const string cluster = "c1";

        Assert.Equal(1, await tables.RunStoredAsync<int>("InsertMembershipVersionKey", ("DeploymentId", cluster)));
        Assert.Equal(0, await tables.RunStoredAsync<int>("InsertMembershipVersionKey", ("DeploymentId", cluster)));

        // Two silos read version 0; the first to write wins, the second must re-read.
        Assert.Equal(1, await tables.RunStoredAsync<int>("InsertMembershipKey", Silo(cluster, port: 11111, version: 0)));
        Assert.Equal(0, await tables.RunStoredAsync<int>("InsertMembershipKey", Silo(cluster, port: 22222, version: 0)));
        Assert.Equal(1, await TableVersionAsync(tables, cluster));
        Assert.Equal(1, await tables.SilosWithStatusAsync(cluster, OrleansTables.Active));

        // The same silo incarnation cannot be inserted twice, even at the current version.
        Assert.Equal(0, await tables.RunStoredAsync<int>("InsertMembershipKey", Silo(cluster, port: 11111, version: 1)));
        Assert.Equal(1, await TableVersionAsync(tables, cluster));

        // Declaring the silo dead needs the current version, and bumps it.
        Assert.Equal(0, await tables.RunStoredAsync<int>("UpdateMembershipKey", StatusChange(cluster, 11111, OrleansTables.Dead, version: 0)));
        Assert.Equal(1, await tables.SilosWithStatusAsync(cluster, OrleansTables.Active));
        Assert.Equal(1, await tables.RunStoredAsync<int>("UpdateMembershipKey", StatusChange(cluster, 11111, OrleansTables.Dead, version: 1)));
        Assert.Equal(1, await tables.SilosWithStatusAsync(cluster, OrleansTables.Dead));
        Assert.Equal(2, await TableVersionAsync(tables, cluster));

        // An update for a silo that has no row changes nothing, not even the version.
        Assert.Equal(0, await tables.RunStoredAsync<int>("UpdateMembershipKey", StatusChange(cluster, 33333, OrleansTables.Dead, version: 2)));
        Assert.Equal(2, await TableVersionAsync(tables, cluster));
    }

    [PostgresFact]
    public async Task Reminder_etag_grows_with_each_change_and_a_stale_etag_cannot_delete()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await PostgresOrleansSchema.ApplyAsync(dataSource, CancellationToken.None);
        var tables = new OrleansTables(dataSource);

        Assert.Equal(0, await tables.RunStoredAsync<int>("UpsertReminderRowKey", Reminder("exercise/e1", version: null)));
        Assert.Equal(1, await tables.RunStoredAsync<int>("UpsertReminderRowKey", Reminder("exercise/e1", version: null)));

        Assert.Equal(0, await tables.RunStoredAsync<int>("DeleteReminderRowKey", Reminder("exercise/e1", version: 0)));
        Assert.Equal(1, await tables.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable"));
        Assert.Equal(1, await tables.RunStoredAsync<int>("DeleteReminderRowKey", Reminder("exercise/e1", version: 1)));
        Assert.Equal(0, await tables.ScalarAsync<long>("SELECT count(*) FROM OrleansRemindersTable"));
    }

    private static IEnumerable<string> StoredQueryKeys(Assembly assembly, string typeName)
    {
        var type = assembly.GetType(typeName, throwOnError: true)!;
        return type.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(property => property.Name);
    }

    private static Task<int> TableVersionAsync(OrleansTables tables, string cluster) =>
        tables.ScalarAsync<int>("SELECT Version FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster", ("cluster", cluster));

    // Parameters named and typed as Orleans' DbStoredQueries.Columns passes them.
    private static (string, object?)[] Silo(string cluster, int port, int version) =>
    [
        ("DeploymentId", cluster), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1), ("SiloName", $"silo-{port}"),
        ("HostName", "localhost"), ("Status", OrleansTables.Active), ("ProxyPort", port + 1),
        ("StartTime", DateTime.UtcNow), ("IAmAliveTime", DateTime.UtcNow), ("Version", version),
    ];

    private static (string, object?)[] StatusChange(string cluster, int port, int status, int version) =>
    [
        ("DeploymentId", cluster), ("Address", "127.0.0.1"), ("Port", port), ("Generation", 1), ("Status", status),
        ("SuspectTimes", null), ("IAmAliveTime", DateTime.UtcNow), ("Version", version),
    ];

    private static (string, object?)[] Reminder(string grainId, int? version) =>
    [
        ("ServiceId", "s1"), ("GrainId", grainId), ("ReminderName", "deadline"), ("StartTime", DateTime.UtcNow),
        ("Period", 60_000), ("GrainHash", -42), ("Version", version),
    ];
}
