using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace OpenC3.Grains.Storage;

/// <summary>
/// The one database of a deployment, for the silo's own providers and the application tables.
/// Hides the two dialect differences we need (upserts, locking) so stores are written once.
/// </summary>
public sealed class SqlDatabase : IDisposable
{
    /// <summary>How long a SQLite write waits for the file's write lock.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string connectionString;
    private readonly SqliteConnections? sqlite;

    public SqlDatabase(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        storage.Validate();
        IsMySql = storage.IsMySql;
        connectionString = IsMySql ? storage.MySqlConnectionString() : PrepareSqlite(storage.ConnectionString);
        // Properties of each connection, not of the file. SQLite's own busy wait retries a locked write within
        // milliseconds; without it Microsoft.Data.Sqlite sleeps 150 ms per retry on a pool thread.
        sqlite = IsMySql ? null : NewSqliteConnections(connectionString, $"PRAGMA synchronous={storage.SqliteSynchronous.ToUpperInvariant()}; PRAGMA busy_timeout={BusyTimeout.TotalMilliseconds:0};");
    }

    public bool IsMySql { get; }

    public string ProviderName => IsMySql ? StorageOptions.MySql : StorageOptions.Sqlite;

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        sqlite?.OpenAsync(cancellationToken) ?? OpenMySqlAsync(connectionString, cancellationToken);

    public void Dispose() => sqlite?.Dispose();

    // Apart, so that compiling the callers loads neither provider's assembly: an embedded product never maps MySqlConnector.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<DbConnection> OpenMySqlAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SqliteConnections NewSqliteConnections(string connectionString, string pragmas) => new(connectionString, pragmas);

    /// <summary>`INSERT … ` that updates <paramref name="updateColumns"/> when a row with the same unique key exists.</summary>
    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        return IsMySql
            ? $"{insert} ON DUPLICATE KEY UPDATE {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = VALUES({Quote(c)})"))}"
            : $"{insert} ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO UPDATE SET {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = excluded.{Quote(c)}"))}";
    }

    /// <summary>
    /// `INSERT … VALUES` that leaves an existing row with the same unique key alone. On InnoDB a plain-VALUES insert
    /// takes no table-level AUTO-INC lock, unlike `INSERT … SELECT … WHERE NOT EXISTS`, which concurrent starts turned
    /// into "Failed to read auto-increment value from storage engine".
    /// </summary>
    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        return IsMySql
            ? $"{insert} ON DUPLICATE KEY UPDATE {Quote(keyColumns[0])} = {Quote(keyColumns[0])}"
            : $"{insert} ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO NOTHING";
    }

    private static string Quote(string column) => $"`{column}`";

    private static string PrepareSqlite(string raw)
    {
        var builder = new SqliteConnectionStringBuilder(raw);
        if (builder.DefaultTimeout < BusyTimeout.TotalSeconds)
        {
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; concurrent grain writes rely on it.
            builder.DefaultTimeout = (int)BusyTimeout.TotalSeconds;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
