using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Open SQLite connections kept for reuse, each set up once (its pragmas) and handed out without a lock.
/// Microsoft.Data.Sqlite's own pool takes one lock for every open and every close: under 50 concurrent tasks a
/// thread-time profile had five threads on average queued on it, more than on anything else in the product, and each
/// open also ran the pragmas again. A connection comes back here when it is disposed, unless it is broken, still in a
/// transaction, or more connections than <see cref="MaxIdle"/> are already waiting.
/// </summary>
internal sealed class SqliteConnections(string connectionString, string pragmas) : IDisposable
{
    /// <summary>About the pool threads that may hold one at once; more are closed when they come back.</summary>
    private const int MaxIdle = 64;

    private readonly string connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
    private readonly ConcurrentStack<Pooled> idle = new();
    private int idleCount;
    private volatile bool disposed;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (idle.TryPop(out var reused))
        {
            Interlocked.Decrement(ref idleCount);
            reused.InPool = false;
            return reused;
        }

        var connection = new Pooled(connectionString, this);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = pragmas;
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            connection.Discard();
            throw;
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryPop(out var connection))
        {
            connection.Discard();
        }
    }

    private bool TryKeep(Pooled connection)
    {
        if (connection.InPool)
        {
            // Disposed twice: it is already back, and may be someone else's by now.
            return true;
        }

        if (disposed || connection.State != ConnectionState.Open || SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            return false;
        }

        if (Interlocked.Increment(ref idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref idleCount);
            return false;
        }

        connection.InPool = true;
        idle.Push(connection);
        return true;
    }

    /// <summary>Disposing gives it back to the pool instead of closing it.</summary>
    private sealed class Pooled(string connectionString, SqliteConnections pool) : SqliteConnection(connectionString)
    {
        public bool InPool { get; set; }

        public void Discard() => base.Dispose(true);

        protected override void Dispose(bool disposing)
        {
            if (!disposing || !pool.TryKeep(this))
            {
                base.Dispose(disposing);
            }
        }
    }
}
