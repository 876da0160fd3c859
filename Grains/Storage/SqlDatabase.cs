using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace OpenC3.Grains.Storage;

/// <summary>
/// The one database of a deployment, for the silo's own providers and the application tables.
/// Hides the two dialect differences we need (upserts, locking) so stores are written once.
/// </summary>
public sealed class SqlDatabase
{
    private readonly string connectionString;
    private readonly string? sqliteSynchronous;

    public SqlDatabase(IOptions<StorageOptions> options)
    {
        var storage = options.Value;
        storage.Validate();
        IsMySql = storage.IsMySql;
        connectionString = IsMySql ? storage.ConnectionString : PrepareSqlite(storage.ConnectionString);
        sqliteSynchronous = IsMySql ? null : $"PRAGMA synchronous={storage.SqliteSynchronous.ToUpperInvariant()};";
    }

    public bool IsMySql { get; }

    public string ProviderName => IsMySql ? StorageOptions.MySql : StorageOptions.Sqlite;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = IsMySql ? new MySqlConnection(connectionString) : new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (sqliteSynchronous is not null)
            {
                // A property of each connection, not of the file.
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = sqliteSynchronous;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>`INSERT … ` that updates <paramref name="updateColumns"/> when a row with the same unique key exists.</summary>
    public string Upsert(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns, IReadOnlyList<string> updateColumns)
    {
        var insert = $"INSERT INTO {table} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})";
        return IsMySql
            ? $"{insert} ON DUPLICATE KEY UPDATE {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = VALUES({Quote(c)})"))}"
            : $"{insert} ON CONFLICT ({string.Join(", ", keyColumns.Select(Quote))}) DO UPDATE SET {string.Join(", ", updateColumns.Select(c => $"{Quote(c)} = excluded.{Quote(c)}"))}";
    }

    private static string Quote(string column) => $"`{column}`";

    private static string PrepareSqlite(string raw)
    {
        var builder = new SqliteConnectionStringBuilder(raw) { Pooling = true };
        if (builder.DefaultTimeout < 30)
        {
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout; concurrent grain writes rely on it.
            builder.DefaultTimeout = 30;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }
}
