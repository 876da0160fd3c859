using Microsoft.Data.Sqlite;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// Row counts of the product's SQLite tables, read through a read-only connection while the product runs,
/// leaving out <see cref="TableCounts.Volatile"/>.
/// </summary>
public sealed class RowCounts(string databaseFile) : ITableCounts
{
    private readonly SqliteConnection connection = Open(databaseFile);
    private List<string>? tables;

    public Dictionary<string, long> Read()
    {
        tables ??= Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").Where(t => !TableCounts.Volatile.Contains(t)).ToList();
        return tables.ToDictionary(t => t, t => Query<long>($"SELECT count(*) FROM \"{t}\"").Single(), StringComparer.Ordinal);
    }

    public void Dispose() => connection.Dispose();

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private List<T> Query<T>(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(reader.GetFieldValue<T>(0));
        }

        return rows;
    }
}
