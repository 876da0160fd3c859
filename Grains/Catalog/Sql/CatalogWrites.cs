using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// Writes of the simple catalog tables (scripts, node groups): rows of a tree node with a unique name,
/// audit columns and status `available|deleted`.
/// </summary>
public sealed class CatalogWrites(SqlDatabase database, TimeProvider clock, string table, string noun, bool millisecondSuffix)
{
    private const string Available = "available";

    public async Task<CatalogChange> InsertAsync(long treeId, string name, IReadOnlyDictionary<string, object> fields, string user)
    {
        var columns = fields.Keys.ToList();
        var parameters = new DynamicParameters(fields);
        parameters.AddDynamicParams(new { treeId, name, user, now = TimeFormat.Now(clock) });
        var sql = $"""
            INSERT INTO {table} (projectid, name, {string.Join(", ", columns.Select(c => $"`{c}`"))}, create_user, create_time, edit_user, edit_time, status)
            VALUES (@treeId, @name, {string.Join(", ", columns.Select(c => "@" + c))}, @user, @now, @user, @now, '{Available}')
            """;
        return await WriteAsync(sql, parameters) switch
        {
            null => Taken(name),
            _ => CatalogChange.Done,
        };
    }

    public async Task<CatalogChange> UpdateAsync(long treeId, long id, string name, IReadOnlyDictionary<string, object> fields, string user)
    {
        var parameters = new DynamicParameters(fields);
        parameters.AddDynamicParams(new { treeId, id, name, user, now = TimeFormat.Now(clock) });
        var sql = $"""
            UPDATE {table} SET name = @name, {string.Join(", ", fields.Keys.Select(c => $"`{c}` = @{c}"))}, edit_user = @user, edit_time = @now
            WHERE id = @id AND projectid = @treeId AND status = '{Available}'
            """;
        return await WriteAsync(sql, parameters) switch
        {
            null => Taken(name),
            0 => new CatalogChange($"{noun} not found"),
            _ => CatalogChange.Done,
        };
    }

    /// <summary>Renames the row out of the way and marks it deleted; returns its former name, or null when there was none.</summary>
    public async Task<string?> DeleteAsync(long treeId, long id, string user)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var name = await connection.QuerySingleOrDefaultAsync<string?>(
            $"SELECT name FROM {table} WHERE id = @id AND projectid = @treeId AND status = '{Available}'", new { treeId, id }, transaction);
        if (name is null)
        {
            return null;
        }

        var renamed = await SoftDelete.DeletedNameAsync(connection, transaction, table, treeId, name, SoftDelete.Suffix(clock.GetLocalNow(), millisecondSuffix));
        await connection.ExecuteAsync(
            $"UPDATE {table} SET status = '{SoftDelete.Deleted}', name = @renamed, edit_user = @user, edit_time = @now WHERE id = @id",
            new { id, renamed, user, now = TimeFormat.Now(clock) },
            transaction);
        await transaction.CommitAsync();
        return name;
    }

    private CatalogChange Taken(string name) => new($"a {noun} named {name} already exists");

    private async Task<int?> WriteAsync(string sql, DynamicParameters parameters)
    {
        await using var connection = await database.OpenAsync();
        return await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(sql, parameters));
    }
}
