namespace OpenC3.Grains.Agent;

/// <summary>`Agent` section: how often the check loop of a node whose check is `on` probes its proxies and hosts.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Upstream checks every 180 s.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Probes in flight at once on a silo, across all checked nodes; each also holds one of `Ssh:MaxParallel`'s slots.</summary>
    public int MaxParallelProbes { get; set; } = 8;
}
