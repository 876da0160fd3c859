using Dapper;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Agent;

[StatelessWorker]
[GrainType("agentproxies")]
public sealed class AgentProxiesGrain(SqlDatabase database, TimeProvider clock) : Grain, IAgentProxiesGrain
{
    /// <summary>Upstream's status and version of a proxy added by hand, before any check.</summary>
    public const string Success = "success";
    public const string ImportedVersion = "1.0.0";

    private static readonly string ProxyOfNode =
        $"SELECT {CheckedRow.Columns("p", "p.regionid")} FROM openc3_agent_proxy p JOIN openc3_agent_region r ON r.id = p.regionid WHERE r.projectid = @treeId";

    public async Task<IReadOnlyList<AgentProxy>> List(long treeId, long regionId)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<CheckedRow>($"{ProxyOfNode} AND p.regionid = @regionId ORDER BY p.id", new { treeId, regionId });
        return rows.Select(r => r.ToProxy()).ToList();
    }

    public async Task<AgentChange> Add(long treeId, long regionId, IReadOnlyList<string> ips)
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM openc3_agent_region WHERE id = @regionId AND projectid = @treeId", new { treeId, regionId }, transaction) == 0)
        {
            return AgentChange.Refused($"region {regionId} is not a region of tree node {treeId}");
        }

        var now = TimeFormat.Now(clock);
        foreach (var ip in ips)
        {
            var written = await UniqueViolation.RowsOrNullAsync(() => connection.ExecuteAsync(
                "INSERT INTO openc3_agent_proxy (regionid, projectid, ip, status, fail, version, edit_time) VALUES (@regionId, @treeId, @ip, @status, 0, @version, @now)",
                new { regionId, treeId, ip, status = Success, version = ImportedVersion, now },
                transaction));
            if (written is null)
            {
                return AgentChange.Refused($"proxy {ip} already exists on tree node {treeId}");
            }
        }

        await transaction.CommitAsync();
        return new AgentChange(ips.Count);
    }

    public async Task<AgentProxy?> Find(long treeId, long proxyId)
    {
        await using var connection = await database.OpenAsync();
        var row = await connection.QuerySingleOrDefaultAsync<CheckedRow>($"{ProxyOfNode} AND p.id = @proxyId", new { treeId, proxyId });
        return row?.ToProxy();
    }

    public async Task<int> Delete(long treeId, long proxyId)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteAsync(
            "DELETE FROM openc3_agent_proxy WHERE id = @proxyId AND regionid IN (SELECT id FROM openc3_agent_region WHERE projectid = @treeId)", new { treeId, proxyId });
    }

    /// <summary>Of several `success` proxies of a region the first added one serves, which is what upstream's code ends up choosing.</summary>
    public async Task<IReadOnlyDictionary<string, string>> Routes(long treeId)
    {
        await using var connection = await database.OpenAsync();
        var node = new { treeId, status = Success };
        var proxies = await connection.QueryAsync<CheckedRow>(
            $"""
            SELECT {CheckedRow.Columns("p", "p.regionid")} FROM openc3_agent_proxy p
            WHERE p.status = @status AND p.regionid IN (SELECT regionid FROM openc3_agent_project_region_relation WHERE projectid = @treeId) ORDER BY p.id
            """,
            node);
        var proxyOfRegion = proxies.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => g.First().Ip);
        var subnets = await connection.QueryAsync<CheckedRow>(
            $"""
            SELECT {CheckedRow.Columns("a", "b.regionid")} FROM openc3_agent_agent a
            JOIN openc3_agent_project_region_relation b ON b.id = a.relationid WHERE b.projectid = @treeId ORDER BY a.id
            """,
            node);
        return subnets.Where(s => proxyOfRegion.ContainsKey(s.RegionId)).ToDictionary(s => s.Ip, s => proxyOfRegion[s.RegionId], StringComparer.Ordinal);
    }
}
