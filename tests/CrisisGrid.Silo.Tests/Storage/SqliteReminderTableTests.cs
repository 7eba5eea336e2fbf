using CrisisGrid.Silo.Reminders;
using CrisisGrid.Silo.Storage.Sqlite;

namespace CrisisGrid.Silo.Tests.Storage;

public sealed class SqliteReminderTableTests : ReminderTableContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crisisgrid-test-").FullName;
    private readonly List<SqliteReminderTable> _tables = [];

    protected override Task CreateStoreAsync() => Task.CompletedTask;

    protected override Task DeleteStoreAsync()
    {
        _tables.ForEach(t => t.Dispose());
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    protected override IReminderTable CreateTable()
    {
        var table = new SqliteReminderTable(Path.Combine(_directory, "crisisgrid.db"));
        _tables.Add(table);
        return table;
    }
}
