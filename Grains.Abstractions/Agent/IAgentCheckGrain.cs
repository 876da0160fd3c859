namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// The check switch of tree nodes (`openc3_agent_check`), what the check loop saw of a node's hosts
/// (`openc3_agent_monitor`) and the module's counts for `/monitor/metrics/app`.
/// </summary>
[Alias("openc3.IAgentCheckGrain")]
public interface IAgentCheckGrain : IGrainWithIntegerKey
{
    /// <summary>The node's switch, or null when it was never set (upstream answers `off`).</summary>
    Task<CheckSwitch?> Switch(long treeId);

    /// <summary>Sets `on` or `off`; the times of the last check are kept.</summary>
    Task Set(long treeId, string status, string user);

    Task<AgentCounts> Counts();

    /// <summary>The monitor rows of a node, by address.</summary>
    Task<IReadOnlyList<HostMonitorRow>> Monitor(long treeId);
}

/// <summary>One host address as the node's check loop last saw it.</summary>
[GenerateSerializer, Immutable, Alias("openc3.HostMonitorRow")]
public sealed record HostMonitorRow(
    [property: Id(0)] string Ip,
    [property: Id(1)] string Status,
    [property: Id(2)] long Fail,
    [property: Id(3)] string? Reason,
    [property: Id(4)] string? Version,
    [property: Id(5)] string EditTime);

[GenerateSerializer, Immutable, Alias("openc3.CheckSwitch")]
public sealed record CheckSwitch(
    [property: Id(0)] string Status,
    [property: Id(1)] string LastCheck,
    [property: Id(2)] string LastSuccess,
    [property: Id(3)] string? Slave);

/// <summary>Proxies and probed hosts (monitor rows) by status, and the nodes whose check is on.</summary>
[GenerateSerializer, Immutable, Alias("openc3.AgentCounts")]
public sealed record AgentCounts(
    [property: Id(0)] IReadOnlyDictionary<string, long> Proxies,
    [property: Id(1)] IReadOnlyDictionary<string, long> Hosts,
    [property: Id(2)] long ChecksOn);
