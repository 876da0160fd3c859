namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>The proxies (SSH jump hosts) of regions (`openc3_agent_proxy`).</summary>
[Alias("openc3.IAgentProxiesGrain")]
public interface IAgentProxiesGrain : IGrainWithIntegerKey
{
    /// <summary>The proxies of a region of the node (none when the region is another node's).</summary>
    Task<IReadOnlyList<AgentProxy>> List(long treeId, long regionId);

    /// <summary>Adds proxies to a region of the node (status `success`, version `1.0.0`, as upstream); an error text and nothing added otherwise.</summary>
    Task<AgentChange> Add(long treeId, long regionId, IReadOnlyList<string> ips);

    /// <summary>A proxy of a region of the node, or null.</summary>
    Task<AgentProxy?> Find(long treeId, long proxyId);

    Task<int> Delete(long treeId, long proxyId);

    /// <summary>
    /// What `GET /proxy/:p` answers for one level: each subnet or /regex/ of the node's bindings → the newest
    /// `success` proxy of its region (subnets of regions without one are left out).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> Routes(long treeId);
}

[GenerateSerializer, Immutable, Alias("openc3.AgentProxy")]
public sealed record AgentProxy(
    [property: Id(0)] long Id,
    [property: Id(1)] long RegionId,
    [property: Id(2)] string Ip,
    [property: Id(3)] string Status,
    [property: Id(4)] string? Version,
    [property: Id(5)] string EditTime,
    [property: Id(6)] long Fail,
    [property: Id(7)] string? Reason);
