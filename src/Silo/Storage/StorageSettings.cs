using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CrisisGrid.Silo.Storage;

/// <summary>
/// The "Storage" configuration section:
/// <code>
/// "Storage": { "Provider": "sqlite", "SqlitePath": "data/crisisgrid.db" }
/// "Storage": { "Provider": "postgres", "PostgresConnectionString": "Host=db;Database=crisisgrid;Username=…;Password=…" }
/// </code>
/// Read and checked at registration, so a bad configuration stops the silo at startup with a message that names the
/// key, what was wrong and what is allowed.
/// </summary>
public sealed record StorageSettings(StorageProvider Provider, string? SqlitePath, string? PostgresConnectionString)
{
    public const string SectionName = "Storage";

    public static StorageSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var provider = section["Provider"];
        if (string.IsNullOrWhiteSpace(provider))
        {
            throw new InvalidOperationException(
                $"{SectionName}:Provider is not set. Set it to 'sqlite' (with {SectionName}:SqlitePath) or 'postgres' (with {SectionName}:PostgresConnectionString).");
        }

        return provider.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => new StorageSettings(StorageProvider.Sqlite, Required(section, "SqlitePath", "a database file path such as 'data/crisisgrid.db'"), null),
            "POSTGRES" or "POSTGRESQL" => new StorageSettings(
                StorageProvider.Postgres,
                null,
                ValidatePostgresConnectionString(Required(section, "PostgresConnectionString", "an Npgsql connection string such as 'Host=localhost;Database=crisisgrid;Username=crisisgrid;Password=…'"), $"{SectionName}:PostgresConnectionString")),
            _ => throw new InvalidOperationException($"{SectionName}:Provider is '{provider}'; allowed values are 'sqlite' and 'postgres'."),
        };
    }

    /// <summary>Fails with a message naming <paramref name="source"/> when the string is not a valid connection string.</summary>
    internal static string ValidatePostgresConnectionString(string connectionString, string source)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException($"{source} is empty: give an Npgsql connection string such as 'Host=localhost;Database=crisisgrid;Username=crisisgrid'.", nameof(connectionString));
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw new ArgumentException($"{source} names no Host.", nameof(connectionString));
            }
        }
        catch (ArgumentException ex) when (ex.ParamName != nameof(connectionString))
        {
            // The parser's message names the bad keyword; the string itself is not repeated, as it may hold a password.
            throw new ArgumentException($"{source} is not a valid Npgsql connection string: {ex.Message}", nameof(connectionString), ex);
        }

        return connectionString;
    }

    private static string Required(IConfigurationSection section, string key, string example)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{SectionName}:{key} is required when {SectionName}:Provider is '{section["Provider"]}': set it to {example}.")
            : value;
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
