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
