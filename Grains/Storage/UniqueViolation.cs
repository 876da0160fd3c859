using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace OpenC3.Grains.Storage;

/// <summary>A write that broke a UNIQUE key, on either profile: the caller answers "already exists" instead of failing.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067;

    public static bool Is(Exception error) => error switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        MySqlException mysql => mysql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        _ => false,
    };

    /// <summary>Rows written, or null when the write broke a UNIQUE key (a concurrent writer took the name).</summary>
    public static async Task<int?> RowsOrNullAsync(Func<Task<int>> write)
    {
        try
        {
            return await write();
        }
        catch (DbException error) when (Is(error))
        {
            return null;
        }
    }
}
