using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Infrastructure;

/// <summary>Upstream's permission points, checked per tree node by the connector's access grain.</summary>
public static class Points
{
    public const string JobRead = "openc3_job_read";
    public const string JobWrite = JobPoints.Write;
    public const string JobDelete = "openc3_job_delete";
    public const string JobControl = JobPoints.Control;
    public const string JobRoot = "openc3_job_root";
    public const string JobVssh = "openc3_job_vssh";
    public const string AgentRead = "openc3_agent_read";
    public const string AgentWrite = "openc3_agent_write";
    public const string AgentDelete = "openc3_agent_delete";
    public const string ConnectorRead = "openc3_connector_read";
    public const string ConnectorWrite = "openc3_connector_write";
    public const string ConnectorDelete = "openc3_connector_delete";
    public const string ConnectorRoot = "openc3_connector_root";

    /// <summary>App callers pass every point, as upstream; users need a grant on the node, an ancestor, or globally.</summary>
    public static async Task<bool> AllowsAsync(this HttpContext context, string point, long treeId)
    {
        var caller = Caller.Required(context);
        return caller.IsApp || await context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IAccessGrain>(0).Check(caller.User, point, treeId) == true;
    }
}
