using Dapper;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("grants")]
public sealed class GrantsGrain(SqlDatabase database, TimeProvider clock) : Grain, IGrantsGrain
{
    public async Task<IReadOnlyList<GlobalGrant>> ListGlobal()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<GrantRow>("SELECT name AS Name, level AS Level FROM openc3_connector_userauth ORDER BY name");
        return rows.Select(r => new GlobalGrant(r.Name, (int)r.Level)).ToList();
    }

    public async Task SetGlobal(string user, int level)
    {
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync(database.Upsert("openc3_connector_userauth", ["name", "level"], ["name"], ["level"]), new { name = user, level });
        }

        await Changed();
    }

    public async Task<bool> DeleteGlobal(string user)
    {
        int deleted;
        await using (var connection = await database.OpenAsync())
        {
            deleted = await connection.ExecuteAsync("DELETE FROM openc3_connector_userauth WHERE name = @user", new { user });
        }

        await Changed();
        return deleted > 0;
    }

    public async Task<IReadOnlyList<TreeGrant>> ListTree()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<GrantRow>(
            """
            SELECT a.id AS Id, a.name AS Name, a.tree AS Tree, a.level AS Level, t.name AS TreeName
            FROM openc3_connector_userauthtree a LEFT JOIN openc3_connector_tree t ON t.id = a.tree
            ORDER BY a.id
            """);
        return rows.Select(r => new TreeGrant(r.Id, r.Name, r.Tree, (int)r.Level, r.TreeName)).ToList();
    }

    public async Task<string?> SetTree(string user, long treeId, int level)
    {
        await using (var connection = await database.OpenAsync())
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_connector_tree WHERE id = @treeId", new { treeId }) == 0)
            {
                return "tree node does not exist";
            }

            await connection.ExecuteAsync(
                database.Upsert("openc3_connector_userauthtree", ["name", "tree", "level"], ["name", "tree"], ["level"]),
                new { name = user, tree = treeId, level });
        }

        await Changed();
        return null;
    }

    public async Task<bool> DeleteTree(long id)
    {
        int deleted;
        await using (var connection = await database.OpenAsync())
        {
            deleted = await connection.ExecuteAsync("DELETE FROM openc3_connector_userauthtree WHERE id = @id", new { id });
        }

        await Changed();
        return deleted > 0;
    }

    public async Task<IReadOnlyList<PrivateNode>> ListPrivate()
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(long Id, string User, string EditTime, string EditUser)>("SELECT id, user, edit_time, edit_user FROM openc3_connector_private ORDER BY id");
        return rows.Select(r => new PrivateNode(r.Id, r.User, r.EditTime, r.EditUser)).ToList();
    }

    public async Task<long> EnsurePrivate(string user, string editor)
    {
        var owner = PermissionPolicy.PrivateOwnerName(user);
        long id;
        await using (var connection = await database.OpenAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var existing = await connection.QuerySingleOrDefaultAsync<long?>("SELECT id FROM openc3_connector_private WHERE user = @owner", new { owner }, transaction);
            if (existing is { } found)
            {
                return found;
            }

            // Private node ids live above the private root 4000000000, as upstream.
            id = await connection.ExecuteScalarAsync<long>(
                "SELECT COALESCE(MAX(id), @root) + 1 FROM openc3_connector_private", new { root = PermissionPolicy.PrivateRoot }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO openc3_connector_private (id, user, edit_time, edit_user) VALUES (@id, @owner, @now, @editor)",
                new { id, owner, now = TimeFormat.Now(clock), editor }, transaction);
            await transaction.CommitAsync();
        }

        await Changed();
        return id;
    }

    // Dapper converts column types into settable properties (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32).
    private sealed class GrantRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public long Tree { get; set; }

        public long Level { get; set; }

        public string? TreeName { get; set; }
    }

    private Task Changed() => GrainFactory.GetGrain<IAccessGrain>(0).Invalidate();
}
