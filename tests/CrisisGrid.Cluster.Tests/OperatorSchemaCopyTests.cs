using CrisisGrid.Silo.Storage.Postgres;

namespace CrisisGrid.Cluster.Tests;

/// <summary>Operators who apply the schema by hand get exactly what a silo applies at start.</summary>
public sealed class OperatorSchemaCopyTests
{
    [Fact]
    public void Deploy_sql_copy_is_the_schema_the_silo_applies()
    {
        var copy = Path.Combine(RepositoryRoot(), "deploy", "sql", "orleans-postgres.sql");

        Assert.True(
            File.ReadAllText(copy) == PostgresOrleansSchema.Script,
            "deploy/sql/orleans-postgres.sql differs from the embedded schema; refresh it with: " +
            "cp src/Silo/Storage/Postgres/OrleansClusterSchema.sql deploy/sql/orleans-postgres.sql");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrisisGrid.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CrisisGrid.sln above {AppContext.BaseDirectory}.");
    }
}
