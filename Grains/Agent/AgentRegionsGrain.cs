using Dapper;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Agent;

[StatelessWorker]
[GrainType("agentregions")]
public sealed class AgentRegionsGrain(SqlDatabase database, TimeProvider clock) : Grain, IAgentRegionsGrain
{
    private const string BindingsOfNode = "SELECT regionid FROM openc3_agent_project_region_relation WHERE projectid = @treeId";

    public async Task<IReadOnlyList<AgentRegion>> List(long treeId, bool withGlobal)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<RegionRow>(
            $"SELECT {RegionRow.Columns} FROM openc3_agent_region r WHERE r.projectid IN @nodes ORDER BY r.projectid, r.id",
            new { nodes = withGlobal ? new[] { treeId, 0 } : [treeId] });
        return rows.Select(r => r.ToRegion()).ToList();
    }

    public async Task<AgentRegion?> Find(long regionId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<RegionRow>($"SELECT {RegionRow.Columns} FROM openc3_agent_region r WHERE r.id = @regionId", new { regionId });
        return row?.ToRegion();
    }

    public async Task<AgentChange> Create(long treeId, string name)
    {
        await using var connection = await database.OpenAsync();
        var rows = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            "INSERT INTO openc3_agent_region (projectid, name, create_time) VALUES (@treeId, @name, @now)",
            new { treeId, name, now = TimeFormat.Now(clock) }));
        return rows is { } written ? new AgentChange(written) : AgentChange.Refused($"region {name} already exists");
    }

    public async Task<int> Delete(long treeId, long regionId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = new { treeId, regionId };
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_agent_region WHERE id = @regionId AND projectid = @treeId", ids, transaction) == 0)
        {
            return 0;
        }

        await connection.ExecuteAsync(
            "DELETE FROM openc3_agent_agent WHERE relationid IN (SELECT id FROM openc3_agent_project_region_relation WHERE regionid = @regionId)", ids, transaction);
        await connection.ExecuteAsync("DELETE FROM openc3_agent_proxy WHERE regionid = @regionId", ids, transaction);
        await connection.ExecuteAsync("DELETE FROM openc3_agent_project_region_relation WHERE regionid = @regionId", ids, transaction);
        var removed = await connection.ExecuteAsync("DELETE FROM openc3_agent_region WHERE id = @regionId AND projectid = @treeId", ids, transaction);
        await transaction.CommitAsync();
        return removed;
    }

    public async Task<IReadOnlyList<RegionBinding>> Bindings(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<BindingRow>(
            "SELECT id AS Id, regionid AS RegionId FROM openc3_agent_project_region_relation WHERE projectid = @treeId ORDER BY id", new { treeId });
        return rows.Select(r => new RegionBinding(r.Id, treeId, r.RegionId)).ToList();
    }

    public async Task<AgentChange> Bind(long treeId, long regionId)
    {
        if (await Find(regionId) is not { } region || (region.ProjectId != treeId && region.ProjectId != 0))
        {
            return AgentChange.Refused($"region {regionId} is not a region of tree node {treeId} or of node 0");
        }

        await using var connection = await database.OpenAsync();
        var rows = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
            "INSERT INTO openc3_agent_project_region_relation (projectid, regionid, create_time) VALUES (@treeId, @regionId, @now)",
            new { treeId, regionId, now = TimeFormat.Now(clock) }));
        return rows is { } written ? new AgentChange(written) : AgentChange.Refused($"region {regionId} is already bound to tree node {treeId}");
    }

    public async Task<int> Unbind(long treeId, long regionId)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var ids = new { treeId, regionId };
        await connection.ExecuteAsync(
            "DELETE FROM openc3_agent_agent WHERE relationid IN (SELECT id FROM openc3_agent_project_region_relation WHERE regionid = @regionId AND projectid = @treeId)",
            ids,
            transaction);
        await connection.ExecuteAsync(
            "DELETE FROM openc3_agent_proxy WHERE regionid IN (SELECT id FROM openc3_agent_region WHERE id = @regionId AND projectid = @treeId)", ids, transaction);
        var removed = await connection.ExecuteAsync(
            "DELETE FROM openc3_agent_project_region_relation WHERE regionid = @regionId AND projectid = @treeId", ids, transaction);
        await transaction.CommitAsync();
        return removed;
    }

    public async Task<IReadOnlyList<ActiveRegion>> Active(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var node = new { treeId };
        var regions = await connection.QueryAsync<RegionRow>(
            $"SELECT {RegionRow.Columns} FROM openc3_agent_region r WHERE r.id IN ({BindingsOfNode}) ORDER BY r.id", node);
        var proxies = Counts(await connection.QueryAsync<StatusCountRow>(
            $"SELECT regionid AS RegionId, status AS Status, COUNT(*) AS Count FROM openc3_agent_proxy WHERE regionid IN ({BindingsOfNode}) GROUP BY regionid, status",
            node));
        var subnets = Counts(await connection.QueryAsync<StatusCountRow>(
            """
            SELECT b.regionid AS RegionId, a.status AS Status, COUNT(*) AS Count
            FROM openc3_agent_agent a JOIN openc3_agent_project_region_relation b ON b.id = a.relationid
            WHERE b.projectid = @treeId GROUP BY b.regionid, a.status
            """,
            node));
        return regions.Select(r => new ActiveRegion(r.Id, r.Name, r.ProjectId, proxies.GetValueOrDefault(r.Id), subnets.GetValueOrDefault(r.Id))).ToList();
    }

    private static Dictionary<long, IReadOnlyDictionary<string, long>> Counts(IEnumerable<StatusCountRow> rows) =>
        rows.GroupBy(r => r.RegionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(r => r.Status, r => r.Count, StringComparer.Ordinal));
}
