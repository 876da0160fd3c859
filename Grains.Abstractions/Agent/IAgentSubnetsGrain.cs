namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>The subnets and /regex/ of region bindings (`openc3_agent_agent`, upstream's "agents").</summary>
[Alias("openc3.IAgentSubnetsGrain")]
public interface IAgentSubnetsGrain : IGrainWithIntegerKey
{
    /// <summary>Every subnet of the node's bindings.</summary>
    Task<IReadOnlyList<AgentSubnet>> List(long treeId);

    /// <summary>The subnets of the node's binding of one region.</summary>
    Task<IReadOnlyList<AgentSubnet>> OfRegion(long treeId, long regionId);

    /// <summary>
    /// Adds the entries to the node's binding of the region; an entry the node already has moves to this binding
    /// (upstream's REPLACE). An error text when the region is not bound to the node.
    /// </summary>
    Task<AgentChange> Add(long treeId, long regionId, IReadOnlyList<SubnetEntry> entries);

    Task<AgentSubnet?> Find(long treeId, long id);

    Task<int> Delete(long treeId, long id);
}

[GenerateSerializer, Immutable, Alias("openc3.AgentSubnet")]
public sealed record AgentSubnet(
    [property: Id(0)] long Id,
    [property: Id(1)] string Ip,
    [property: Id(2)] string Status,
    [property: Id(3)] string? Version,
    [property: Id(4)] string EditTime,
    [property: Id(5)] long Fail,
    [property: Id(6)] string? Reason);

/// <summary>A CIDR (kind `subnet`) or a `/regex/` (kind `regex`), already validated.</summary>
[GenerateSerializer, Immutable, Alias("openc3.SubnetEntry")]
public sealed record SubnetEntry([property: Id(0)] string Value, [property: Id(1)] string Kind);
