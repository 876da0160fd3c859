using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

/// <summary>
/// A tree node's machines: the connector's resources of the node, then the job node list of the node, each
/// name once. Both lists are written by admins only, and this is the tree guard's list of what a command on the
/// node may reach, so the global node 0's list is not added: that would let anyone with write on any node
/// (a private one included) reach the global hosts. The connector's table comes with the connector module;
/// without it the node list alone counts.
/// </summary>
[StatelessWorker]
[GrainType("nodeinventory")]
public sealed class NodeInventoryGrain(SqlDatabase database) : Grain, INodeInventoryGrain
{
    private const string ConnectorTable = "openc3_connector_nodelist";

    public async Task<IReadOnlyList<MachineInfo>> Machines(long treeId)
    {
        var parameters = new { treeId, status = TreeRowTable.Available };
        await using var connection = await database.OpenAsync();
        var machines = new List<(string Name, string Type, string InIp, string ExIp)>();
        if (await database.TableExistsAsync(connection, ConnectorTable))
        {
            machines.AddRange(await connection.QueryAsync<(string, string, string, string)>(
                $"SELECT name, type, inip, exip FROM {ConnectorTable} WHERE projectid = @treeId AND status = @status ORDER BY id", parameters));
        }

        machines.AddRange(await connection.QueryAsync<(string, string, string, string)>(
            "SELECT name, type, inip, exip FROM openc3_job_nodelist WHERE projectid = @treeId AND status = @status ORDER BY id", parameters));
        return machines.DistinctBy(m => m.Name, StringComparer.Ordinal).Select(m => new MachineInfo(m.Name, m.Type, m.InIp, m.ExIp)).ToList();
    }
}
