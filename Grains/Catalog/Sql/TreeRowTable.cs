using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// A table of rows that belong to tree nodes (`projectid`), with audit columns and upstream's soft delete:
/// a deleted row keeps its data with status `deleted` and its unique column suffixed
/// `_&lt;yyyyMMddHHmmssfff&gt;`, so the same name can be added again.
/// </summary>
public sealed class TreeRowTable(SqlDatabase database, TimeProvider clock, string table, string uniqueColumn, string labelColumn)
{
    public const string Available = "available";

    /// <summary>Inserts an available row; its id, or null when the node already has that unique value.</summary>
    public async Task<long?> InsertAsync(long treeId, string uniqueValue, IReadOnlyDictionary<string, object?> otherColumns, string user)
    {
        var now = TimeFormat.Now(clock);
        var values = new Dictionary<string, object?>(otherColumns)
        {
            ["projectid"] = treeId,
            [uniqueColumn] = uniqueValue,
            ["create_user"] = user,
            ["create_time"] = now,
            ["edit_user"] = user,
            ["edit_time"] = now,
            ["status"] = Available,
        };
        var parameters = new DynamicParameters();
        foreach (var (column, value) in values)
        {
            parameters.Add(column, value);
        }

        await using var connection = await database.OpenAsync();
        try
        {
            await connection.ExecuteAsync(
                $"INSERT INTO {table} ({string.Join(", ", values.Keys.Select(c => $"`{c}`"))}) VALUES ({string.Join(", ", values.Keys.Select(c => $"@{c}"))})",
                parameters);
        }
        catch (DbException error) when (IsDuplicate(error))
        {
            return null;
        }

        return await connection.ExecuteScalarAsync<long>(
            $"SELECT id FROM {table} WHERE projectid = @projectid AND `{uniqueColumn}` = @value", new { projectid = treeId, value = uniqueValue });
    }

    public async Task<string?> LabelOfAsync(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.QuerySingleOrDefaultAsync<string>(
            $"SELECT `{labelColumn}` FROM {table} WHERE id = @id AND projectid = @treeId AND status = @status", new { id, treeId, status = Available });
    }

    /// <summary>Soft-deletes the node's row; false when it has no such available row.</summary>
    public async Task<bool> DeleteAsync(long treeId, long id, string user)
    {
        await using var connection = await database.OpenAsync();
        var unique = await connection.QuerySingleOrDefaultAsync<string>(
            $"SELECT `{uniqueColumn}` FROM {table} WHERE id = @id AND projectid = @treeId AND status = @status", new { id, treeId, status = Available });
        if (unique is null)
        {
            return false;
        }

        var now = clock.GetLocalNow();
        return await connection.ExecuteAsync(
            $"UPDATE {table} SET status = 'deleted', `{uniqueColumn}` = @renamed, edit_user = @user, edit_time = @editTime WHERE id = @id AND status = @status",
            new { id, renamed = $"{unique}_{now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}", user, editTime = TimeFormat.Format(now), status = Available }) > 0;
    }

    /// <summary>A unique-key violation on either dialect (SQLite constraint, MySQL duplicate entry).</summary>
    public static bool IsDuplicate(DbException error) =>
        error is SqliteException { SqliteErrorCode: 19 } || error is MySqlException { ErrorCode: MySqlErrorCode.DuplicateKeyEntry };
}
