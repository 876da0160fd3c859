using System.Data.Common;
using Dapper;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Storage;
using Orleans.Concurrency;

namespace OpenC3.Grains.Catalog;

[StatelessWorker]
[GrainType("nodegroups")]
public sealed class NodeGroupsGrain(SqlDatabase database, TimeProvider clock) : Grain, INodeGroupsGrain
{
    private const string Table = "openc3_job_nodegroup";
    private const string OfNode = "projectid = @treeId AND status = 'available'";

    private readonly CatalogWrites writes = new(database, clock, Table, "nodegroup", millisecondSuffix: true);

    public async Task<IReadOnlyList<NodeGroupSummary>> List(long treeId, CatalogFilter filter)
    {
        var jobNamePattern = JobNamePattern.For(filter.JobName);
        var parameters = new DynamicParameters(new { treeId, plugin = filter.Plugin });
        var conditions = CatalogConditions.Sql(filter, parameters) + (filter.Plugin is null ? string.Empty : " AND plugin = @plugin");
        await using var connection = await database.OpenAsync();
        var jobNames = await CitationStore.JobNamesAsync(connection, treeId, CitationStore.NodeGroupCitations);
        var groups = await connection.QueryAsync<NodeGroupRow>(
            $"SELECT {CatalogRow.Columns()}, plugin AS Plugin FROM {Table} WHERE {OfNode}{conditions} ORDER BY id DESC", parameters);
        return groups
            .Select(g => new NodeGroupSummary(g.Id, g.Name, g.Plugin, g.Authorship, jobNames.GetValueOrDefault(g.Id, string.Empty)))
            .Where(g => jobNamePattern.Matches(g.JobName))
            .ToList();
    }

    public async Task<NodeGroup?> Get(long treeId, long id)
    {
        await using var connection = await database.OpenAsync();
        var group = await ReadAsync(connection, treeId, id);
        return group is null ? null : new NodeGroup(group.Id, group.Name, group.Plugin, Base64Text.Decode(group.Params), group.Authorship);
    }

    public async Task<IReadOnlyList<string>?> Nodes(long treeId, long id)
    {
        NodeGroupRow? group;
        await using (var connection = await database.OpenAsync())
        {
            group = await ReadAsync(connection, treeId, id);
        }

        if (group is null)
        {
            return null;
        }

        var paramsJson = Base64Text.Decode(group.Params);
        return group.Plugin == NodeGroupHosts.TypePlugin
            ? NodeGroupHosts.OfTypes(paramsJson, await GrainFactory.GetGrain<INodeInventoryGrain>(0).Machines(treeId))
            : NodeGroupHosts.Listed(paramsJson);
    }

    public Task<CatalogChange> Create(long treeId, NodeGroupDraft draft, string user) =>
        writes.InsertAsync(treeId, draft.Name, Fields(draft), user);

    public Task<CatalogChange> Update(long treeId, long id, NodeGroupDraft draft, string user) =>
        writes.UpdateAsync(treeId, id, draft.Name, Fields(draft), user);

    public Task<string?> Delete(long treeId, long id, string user) => writes.DeleteAsync(treeId, id, user);

    private static Task<NodeGroupRow?> ReadAsync(DbConnection connection, long treeId, long id) =>
        connection.QuerySingleOrDefaultAsync<NodeGroupRow?>(
            $"SELECT {CatalogRow.Columns()}, plugin AS Plugin, params AS Params FROM {Table} WHERE id = @id AND {OfNode}", new { treeId, id });

    /// <summary>Params are kept as base64 of their JSON text (upstream: of a YAML dump), so any shape round-trips.</summary>
    private static Dictionary<string, object> Fields(NodeGroupDraft draft) => new()
    {
        ["plugin"] = draft.Plugin,
        ["params"] = Base64Text.Encode(draft.ParamsJson),
    };

    private sealed class NodeGroupRow : CatalogRow
    {
        public string Plugin { get; set; } = string.Empty;

        public string Params { get; set; } = string.Empty;
    }
}
