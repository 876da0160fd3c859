using MySqlConnector;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// Row counts of the product's MariaDB tables (exact `count(*)`, one query for all tables), leaving out
/// <see cref="TableCounts.Volatile"/>.
/// </summary>
public sealed class MariaDbRowCounts : ITableCounts
{
    private readonly MySqlConnection connection;
    private readonly string countAll;

    public MariaDbRowCounts(string connectionString)
    {
        connection = new MySqlConnection(connectionString);
        connection.Open();
        var tables = new List<string>();
        using (var command = new MySqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        countAll = string.Join(" UNION ALL ", tables.Where(t => !TableCounts.Volatile.Contains(t)).Select(t => $"SELECT '{t}', count(*) FROM `{t}`"));
    }

    public Dictionary<string, long> Read()
    {
        using var command = new MySqlCommand(countAll, connection);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    public void Dispose() => connection.Dispose();
}
