namespace OpenC3.Grains.Agent;

/// <summary>`Agent` section: how often the check loop of a node whose check is `on` probes its proxies.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Upstream checks every 180 s.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(180);
}
