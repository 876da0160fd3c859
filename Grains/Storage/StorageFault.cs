using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OpenC3.Grains.Abstractions.Common;

namespace OpenC3.Grains.Storage;

/// <summary>
/// Tells a database that cannot work now (unreachable, out of space, locked) from a statement that is wrong.
/// Only the first becomes a <see cref="StorageUnavailableException"/>: a wrong statement stays an unexpected fault.
/// </summary>
public static class StorageFault
{
    public const string Unavailable = "the database is unavailable, try again later";
    public const string DiskFull = "the database's disk is full, try again once space is freed";

    // SQLite primary result codes: BUSY, LOCKED, NOMEM, READONLY, IOERR, CORRUPT, CANTOPEN, NOTADB; FULL is told apart.
    private static readonly HashSet<int> SqliteUnavailable = [5, 6, 7, 8, 10, 11, 14, 26];
    private const int SqliteFull = 13;

    private static readonly HashSet<MySqlErrorCode> MySqlUnavailable =
    [
        MySqlErrorCode.UnableToConnectToHost, MySqlErrorCode.ServerShutdown, MySqlErrorCode.CommandTimeoutExpired,
        MySqlErrorCode.ConnectionCountError, MySqlErrorCode.TooManyUserConnections, MySqlErrorCode.OutOfResources,
        MySqlErrorCode.AbortingConnection, MySqlErrorCode.NewAbortingConnection, MySqlErrorCode.LockWaitTimeout,
    ];

    private static readonly HashSet<MySqlErrorCode> MySqlFull = [MySqlErrorCode.DiskFull, MySqlErrorCode.RecordFileFull];

    /// <summary>What a caller should be told about the storage fault in <paramref name="error"/>'s causes; null when it is not one.</summary>
    public static string? Describe(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case StorageUnavailableException fault:
                    return fault.Message;
                case SqliteException { SqliteErrorCode: SqliteFull }:
                case MySqlException mysql when MySqlFull.Contains(mysql.ErrorCode):
                    return DiskFull;
                case SqliteException sqlite when SqliteUnavailable.Contains(sqlite.SqliteErrorCode):
                case MySqlException mysql when mysql.IsTransient || MySqlUnavailable.Contains(mysql.ErrorCode) || HasLostConnection(mysql):
                    return Unavailable;
            }
        }

        return null;
    }

    /// <summary>Runs <paramref name="operation"/>, reporting a database that cannot work now as a <see cref="StorageUnavailableException"/>.</summary>
    public static async Task TranslateAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception error) when (error is not StorageUnavailableException && Describe(error) is { } reason)
        {
            throw new StorageUnavailableException(reason);
        }
    }

    /// <summary>The server went away mid-command: the driver reports the broken stream under its own exception.</summary>
    private static bool HasLostConnection(MySqlException error) =>
        error.InnerException is IOException or SocketException or EndOfStreamException;
}
