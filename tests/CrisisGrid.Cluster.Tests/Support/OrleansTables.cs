using Npgsql;

namespace CrisisGrid.Cluster.Tests.Support;

/// <summary>Reads the Orleans tables directly, as an operator would with psql, to check what the providers wrote.</summary>
internal sealed class OrleansTables(NpgsqlDataSource dataSource)
{
    /// <summary>Orleans' SiloStatus numbers as stored in OrleansMembershipTable.Status.</summary>
    public const int Active = 3;
    public const int Dead = 6;

    public Task<long> SilosWithStatusAsync(string clusterId, int status) =>
        ScalarAsync<long>(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = @status",
            ("cluster", clusterId), ("status", status));

    public Task<int?> StatusOfAsync(string clusterId, SiloAddress silo) =>
        ScalarAsync<int?>(
            "SELECT Status FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Address = @address AND Port = @port AND Generation = @generation",
            ("cluster", clusterId), ("address", silo.Endpoint.Address.ToString()), ("port", silo.Endpoint.Port), ("generation", silo.Generation));

    public Task<long> RemindersOfAsync(string serviceId, string grainKey, string reminderName) =>
        ScalarAsync<long>(
            "SELECT count(*) FROM OrleansRemindersTable WHERE ServiceId = @service AND GrainId LIKE @grain AND ReminderName = @name",
            ("service", serviceId), ("grain", "%" + grainKey), ("name", reminderName));

    public async Task<Dictionary<string, string>> QueriesAsync()
    {
        var queries = new Dictionary<string, string>();
        await using var command = dataSource.CreateCommand("SELECT QueryKey, QueryText FROM OrleansQuery");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            queries.Add(reader.GetString(0), reader.GetString(1));
        }

        return queries;
    }

    /// <summary>Runs one stored query by key with named parameters, as the providers do; returns its single value.</summary>
    public async Task<T> RunStoredAsync<T>(string queryKey, params (string Name, object? Value)[] parameters)
    {
        var queries = await QueriesAsync();
        return await ScalarAsync<T>(queries[queryKey], parameters);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default! : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
