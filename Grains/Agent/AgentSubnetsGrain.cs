using Dapper;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Agent;

[StatelessWorker]
[GrainType("agentsubnets")]
public sealed class AgentSubnetsGrain(SqlDatabase database, TimeProvider clock) : Grain, IAgentSubnetsGrain
{
    private static readonly string SubnetOfNode =
        $"SELECT {CheckedRow.Columns("a", "b.regionid")} FROM openc3_agent_agent a JOIN openc3_agent_project_region_relation b ON b.id = a.relationid WHERE a.projectid = @treeId";

    public async Task<IReadOnlyList<AgentSubnet>> List(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CheckedRow>($"{SubnetOfNode} ORDER BY a.id", new { treeId });
        return rows.Select(r => r.ToSubnet()).ToList();
    }

    public async Task<IReadOnlyList<AgentSubnet>> OfRegion(long treeId, long regionId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CheckedRow>($"{SubnetOfNode} AND b.projectid = @treeId AND b.regionid = @regionId ORDER BY a.id", new { treeId, regionId });
        return rows.Select(r => r.ToSubnet()).ToList();
    }

    public async Task<AgentChange> Add(long treeId, long regionId, IReadOnlyList<SubnetEntry> entries)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var relationId = await connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM openc3_agent_project_region_relation WHERE projectid = @treeId AND regionid = @regionId", new { treeId, regionId }, transaction);
        if (relationId is null)
        {
            return AgentChange.Refused($"region {regionId} is not bound to tree node {treeId}");
        }

        var sql = database.Upsert(
            "openc3_agent_agent",
            ["relationid", "projectid", "ip", "status", "fail", "reason", "version", "edit_time"],
            ["projectid", "ip"],
            ["relationid", "status", "fail", "reason", "version", "edit_time"]);
        var now = TimeFormat.Now(clock);
        foreach (var entry in entries)
        {
            await connection.ExecuteAsync(
                sql,
                new { relationid = relationId, projectid = treeId, ip = entry.Value, status = AgentProxiesGrain.Success, fail = 0, reason = entry.Kind, version = "0", edit_time = now },
                transaction);
        }

        await transaction.CommitAsync();
        return new AgentChange(entries.Count);
    }

    public async Task<AgentSubnet?> Find(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<CheckedRow>($"{SubnetOfNode} AND a.id = @id", new { treeId, id });
        return row?.ToSubnet();
    }

    public async Task<int> Delete(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync("DELETE FROM openc3_agent_agent WHERE id = @id AND projectid = @treeId", new { treeId, id });
    }
}
