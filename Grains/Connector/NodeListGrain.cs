using System.Globalization;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

[StatelessWorker]
[GrainType("nodelist")]
public sealed class NodeListGrain(SqlDatabase database, TimeProvider clock) : Grain, INodeListGrain
{
    private const string Available = "available";

    public async Task<IReadOnlyList<NodeEntry>> List(long treeId)
    {
        await using var connection = await database.OpenAsync();
        // Dapper fills the record through its constructor: the id is a signed BIGINT (Int64) on MySQL too.
        var nodes = await connection.QueryAsync<NodeEntry>(
            """
            SELECT id AS Id, name AS Name, inip AS Inip, exip AS Exip, type AS Type, create_user AS CreateUser, create_time AS CreateTime
            FROM openc3_connector_nodelist WHERE projectid = @treeId AND status = @status ORDER BY id
            """,
            new { treeId, status = Available });
        return nodes.ToList();
    }

    public async Task<string?> Add(long treeId, string ip, string user)
    {
        var isPrivate = NodeSpec.IsPrivate(ip);
        await using var connection = await database.OpenAsync();
        var inserted = await connection.ExecuteAsync(
            """
            INSERT INTO openc3_connector_nodelist (projectid, name, inip, exip, type, create_user, create_time, edit_user, edit_time, status)
            SELECT @treeId, @ip, @inip, @exip, 'idc', @user, @now, @user, @now, @status
            WHERE NOT EXISTS (SELECT 1 FROM openc3_connector_nodelist WHERE projectid = @treeId AND name = @ip)
            """,
            new { treeId, ip, inip = isPrivate ? ip : string.Empty, exip = isPrivate ? string.Empty : ip, user, now = TimeFormat.Now(clock), status = Available });
        return inserted == 0 ? $"{ip} already exists" : null;
    }

    public async Task<bool> Delete(long treeId, long id, string user)
    {
        await using var connection = await database.OpenAsync();
        var name = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM openc3_connector_nodelist WHERE id = @id AND projectid = @treeId AND status = @status", new { id, treeId, status = Available });
        if (name is null)
        {
            return false;
        }

        // Upstream renames deleted rows (`_<YYYYmmddHHMMSS><ms>`) so the same host can be added again.
        var now = clock.GetLocalNow();
        var updated = await connection.ExecuteAsync(
            "UPDATE openc3_connector_nodelist SET status = 'deleted', name = @deletedName, edit_user = @user, edit_time = @editTime WHERE id = @id AND status = @status",
            new { id, deletedName = $"{name}_{now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture)}", user, editTime = TimeFormat.Format(now), status = Available });
        return updated > 0;
    }
}
