using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

/// <summary>The read side of version variables; the execution engine writes them.</summary>
[StatelessWorker]
[GrainType("jobvv")]
public sealed class VvGrain(SqlDatabase database, TimeProvider clock) : Grain, IVvGrain
{
    private const string Table = "openc3_job_vv";

    public async Task<IReadOnlyList<VvEntry>> List(long treeId, VvFilter filter)
    {
        var where = new SqlFilter(new { treeId })
            .Equal("node", filter.Node).Equal("name", filter.Name).FromDay("update_time", filter.TimeStart).ToDay("update_time", filter.TimeEnd);
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<VvRow>(
            $"SELECT id AS Id, node AS Node, name AS Name, `value` AS Value, update_time AS UpdateTime FROM {Table} WHERE projectid = @treeId{where.And} ORDER BY id",
            where.Parameters);
        return rows.Select(r => new VvEntry(r.Id, r.Node, r.Name, r.Value, r.UpdateTime)).ToList();
    }

    public async Task<IReadOnlyList<string>> Values(long treeId, string? name)
    {
        var where = new SqlFilter(new { treeId }).Equal("name", name);
        await using var connection = await database.OpenAsync();
        var values = await connection.QueryAsync<string>(
            $"SELECT `value` FROM {Table} WHERE projectid = @treeId{where.And} ORDER BY update_time DESC, id DESC", where.Parameters);
        return VvShapes.DistinctValues(values);
    }

    public async Task<IReadOnlyList<VersionShare>> VersionShares(long treeId)
    {
        var since = $"{clock.GetLocalNow().AddDays(-365).ToString(TimeFormat.DatePattern, System.Globalization.CultureInfo.InvariantCulture)} 00:00:00";
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string, string)>(
            $"SELECT name, `value` FROM {Table} WHERE projectid = @treeId AND update_time > @since", new { treeId, since });
        return VvShapes.Shares(rows);
    }

    public async Task<int> DeleteNode(long treeId, string node)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync($"DELETE FROM {Table} WHERE projectid = @treeId AND node = @node", new { treeId, node });
    }

    // Dapper converts column types into settable properties (SQLite integers are Int64, MySQL's INT UNSIGNED is UInt32).
    private sealed class VvRow
    {
        public long Id { get; set; }

        public string Node { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Value { get; set; } = string.Empty;

        public string UpdateTime { get; set; } = string.Empty;
    }
}
