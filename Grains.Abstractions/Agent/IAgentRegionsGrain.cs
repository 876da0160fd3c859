namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// Regions (groups of SSH jump hosts) that belong to tree nodes, and their bindings to tree nodes
/// (`openc3_agent_region`, `openc3_agent_project_region_relation`).
/// </summary>
[Alias("openc3.IAgentRegionsGrain")]
public interface IAgentRegionsGrain : IGrainWithIntegerKey
{
    /// <summary>The node's regions, with node 0's too when <paramref name="withGlobal"/>, ordered by node then id.</summary>
    Task<IReadOnlyList<AgentRegion>> List(long treeId, bool withGlobal);

    Task<AgentRegion?> Find(long regionId);

    /// <summary>Rows written (1), or an error text when the node already has a region of that name.</summary>
    Task<AgentChange> Create(long treeId, string name);

    /// <summary>Removes the node's region with every binding of it, the subnets of those bindings and its proxies; the regions removed (0 or 1).</summary>
    Task<int> Delete(long treeId, long regionId);

    Task<IReadOnlyList<RegionBinding>> Bindings(long treeId);

    /// <summary>Binds a region of the node or of node 0 to the node; an error text otherwise.</summary>
    Task<AgentChange> Bind(long treeId, long regionId);

    /// <summary>Unbinds it: the binding's subnets go, and the region's proxies too when the region is the node's own, as upstream.</summary>
    Task<int> Unbind(long treeId, long regionId);

    /// <summary>The regions bound to the node with their proxies and subnets counted by status.</summary>
    Task<IReadOnlyList<ActiveRegion>> Active(long treeId);
}

[GenerateSerializer, Immutable, Alias("openc3.AgentRegion")]
public sealed record AgentRegion([property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] long ProjectId, [property: Id(3)] string CreateTime);

[GenerateSerializer, Immutable, Alias("openc3.RegionBinding")]
public sealed record RegionBinding([property: Id(0)] long Id, [property: Id(1)] long ProjectId, [property: Id(2)] long RegionId);

[GenerateSerializer, Immutable, Alias("openc3.ActiveRegion")]
public sealed record ActiveRegion(
    [property: Id(0)] long Id,
    [property: Id(1)] string Region,
    [property: Id(2)] long RegionProjectId,
    [property: Id(3)] IReadOnlyDictionary<string, long>? Proxy,
    [property: Id(4)] IReadOnlyDictionary<string, long>? Agent);

/// <summary>The rows a write changed, or why it changed nothing.</summary>
[GenerateSerializer, Immutable, Alias("openc3.AgentChange")]
public sealed record AgentChange([property: Id(0)] int Rows, [property: Id(1)] string? Error = null)
{
    public static AgentChange Refused(string error) => new(0, error);
}
