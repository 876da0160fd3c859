namespace OpenC3.Grains.Storage;

/// <summary>`Storage:*` — where grain state, reminders, membership and the application tables live.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string MySql = "mysql";

    public string Provider { get; set; } = Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/openc3.db";

    /// <summary>
    /// SQLite's `synchronous` for every connection: `normal` (WAL syncs at checkpoints; a power loss may undo the
    /// last commits, a process crash never does) or `full` (every commit waits for the disk, about 4 ms here).
    /// </summary>
    public string SqliteSynchronous { get; set; } = "normal";

    /// <summary>
    /// The connection string as every MySQL client of the silo uses it: without `ConnectionReset` named, a connection
    /// taken from the pool is not reset (MySqlConnector's reset and `SET NAMES` were a round trip at each open: 22 of a
    /// single-host task's 75 statements on MariaDB). Nothing here keeps state in a session:
    /// transactions set their isolation level each time and end with their `using`.
    /// </summary>
    // Not inlined: looking into this method while compiling a caller would map MySqlConnector into an embedded product.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public string MySqlConnectionString()
    {
        var builder = new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString);
        if (!builder.ContainsKey("ConnectionReset"))
        {
            builder.ConnectionReset = false;
        }

        return builder.ConnectionString;
    }

    public bool IsMySql => string.Equals(Provider, MySql, StringComparison.OrdinalIgnoreCase);

    public void Validate()
    {
        if (!IsMySql && !string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Provider must be '{Sqlite}' or '{MySql}', not '{Provider}'.");
        }

        if (SqliteSynchronous is not ("normal" or "full"))
        {
            throw new InvalidOperationException($"Storage:SqliteSynchronous must be 'normal' or 'full', not '{SqliteSynchronous}'.");
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new InvalidOperationException("Storage:ConnectionString is empty.");
        }
    }
}
