namespace OpenC3.Grains.Abstractions.Agent;

/// <summary>A tree node's agent check switch, as stored in `openc3_agent_check.status`.</summary>
public static class AgentCheckStatus
{
    public const string On = "on";
    public const string Off = "off";
}
