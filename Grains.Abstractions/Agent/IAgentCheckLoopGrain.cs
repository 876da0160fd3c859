namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>
/// The check loop of one tree node (key: the tree id): while the node's check is `on` it probes the proxies of the
/// node's regions every `Agent:CheckInterval`. One activation in the cluster, so one owner per node.
/// </summary>
[Alias("openc3.IAgentCheckLoopGrain")]
public interface IAgentCheckLoopGrain : IGrainWithIntegerKey
{
    /// <summary>Starts the loop when the switch is on (a check at once), stops it when off; safe to repeat.</summary>
    Task Wake();
}
