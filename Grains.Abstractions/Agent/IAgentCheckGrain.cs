namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>The check switch of tree nodes (`openc3_agent_check`) and the module's counts for `/monitor/metrics/app`.</summary>
[Alias("openc3.IAgentCheckGrain")]
public interface IAgentCheckGrain : IGrainWithIntegerKey
{
    /// <summary>The node's switch, or null when it was never set (upstream answers `off`).</summary>
    Task<CheckSwitch?> Switch(long treeId);

    /// <summary>Sets `on` or `off`; the times of the last check are kept.</summary>
    Task Set(long treeId, string status, string user);

    Task<AgentCounts> Counts();
}

[GenerateSerializer, Immutable, Alias("openc3.CheckSwitch")]
public sealed record CheckSwitch(
    [property: Id(0)] string Status,
    [property: Id(1)] string LastCheck,
    [property: Id(2)] string LastSuccess,
    [property: Id(3)] string? Slave);

/// <summary>Proxies and subnets by status, and the nodes whose check is on.</summary>
[GenerateSerializer, Immutable, Alias("openc3.AgentCounts")]
public sealed record AgentCounts(
    [property: Id(0)] IReadOnlyDictionary<string, long> Proxies,
    [property: Id(1)] IReadOnlyDictionary<string, long> Subnets,
    [property: Id(2)] long ChecksOn);
