using Microsoft.Data.Sqlite;

namespace OpenC3.IntegrationTests.Reliability;

/// <summary>
/// Row counts of the product's SQLite tables, read through a read-only connection while the product runs.
/// Tables that change without a request's write are left out: silo state, reminders, the audit of refused calls,
/// and what tasks accepted earlier keep writing while they run and end (their logs, notices, mail and messages).
/// </summary>
public sealed class RowCounts(string databaseFile) : IDisposable
{
    private static readonly HashSet<string> Volatile = new(StringComparer.Ordinal)
    {
        "orleans_grain_state", "orleans_reminders", "sqlite_sequence", "schema_version", "openc3_connector_auditlog",
        "openc3_job_log", "openc3_job_notice", "openc3_job_notice_delivery", "openc3_connector_usermail", "openc3_connector_usermesg",
    };

    private readonly SqliteConnection connection = Open(databaseFile);
    private List<string>? tables;

    public Dictionary<string, long> Read()
    {
        tables ??= Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").Where(t => !Volatile.Contains(t)).ToList();
        return tables.ToDictionary(t => t, t => Query<long>($"SELECT count(*) FROM \"{t}\"").Single(), StringComparer.Ordinal);
    }

    public static string Difference(Dictionary<string, long> before, Dictionary<string, long> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key} {before.GetValueOrDefault(a.Key)}→{a.Value}"));

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
