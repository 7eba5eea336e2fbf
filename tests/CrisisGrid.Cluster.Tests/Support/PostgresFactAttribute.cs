using CrisisGrid.Testing;

namespace CrisisGrid.Cluster.Tests.Support;

/// <summary>
/// A fact that needs the test PostgreSQL server (deploy/dev/test-postgres.sh run -- dotnet test ...); skipped, with
/// the reason, when none was started.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.ServerConnectionString is null)
        {
            Skip = $"{PostgresTestDatabase.EnvironmentVariable} is not set: run under deploy/dev/test-postgres.sh run -- dotnet test tests/CrisisGrid.Cluster.Tests";
        }
    }
}
