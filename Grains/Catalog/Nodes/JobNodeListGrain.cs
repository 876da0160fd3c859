using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("jobnodelist")]
public sealed class JobNodeListGrain(SqlDatabase database, TimeProvider clock)
    : TreeRowsGrain(new TreeRowTable(database, clock, "openc3_job_nodelist", uniqueColumn: "name", labelColumn: "name")), IJobNodeListGrain
{
    public async Task<IReadOnlyList<JobNode>> List(long treeId, JobNodeFilter filter)
    {
        var where = new SqlFilter(new { treeId, status = TreeRowTable.Available })
            .Contains("name", filter.Name).Contains("inip", filter.InIp).Contains("exip", filter.ExIp).Rows(filter.Rows);
        await using var connection = await database.OpenAsync();
        var found = await connection.QueryAsync<NodeRow>(
            $"""
            SELECT id AS Id, name AS Name, inip AS InIp, exip AS ExIp, create_user AS CreateUser, create_time AS CreateTime
            FROM openc3_job_nodelist WHERE projectid = @treeId AND status = @status{where.And} ORDER BY id
            """,
            where.Parameters);
        return found.Select(r => new JobNode(r.Id, r.Name, r.InIp, r.ExIp, r.CreateUser, r.CreateTime)).ToList();
    }

    public async Task<string?> Add(long treeId, JobNodeInput node, string user)
    {
        var columns = new Dictionary<string, object?> { ["inip"] = node.InIp, ["exip"] = node.ExIp, ["type"] = "extend" };
        return await Rows.InsertAsync(treeId, node.Name, columns, user) is null ? $"{node.Name} already exists" : null;
    }

    private sealed class NodeRow : AuditedRow
    {
        public string Name { get; set; } = string.Empty;

        public string InIp { get; set; } = string.Empty;

        public string ExIp { get; set; } = string.Empty;
    }
}
