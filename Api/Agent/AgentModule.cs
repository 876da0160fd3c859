using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;

namespace OpenC3.Api.Agent;

/// <summary>
/// `/api/agent`: regions of SSH jump hosts (proxies), the subnets reached through them, the check switch, the
/// node's ancestors and machines. Every route names upstream's point (`openc3_agent_read|write|delete`) on its
/// `:treeid`, which upstream's messages call `projectid`; the monitor scrape needs no login, as upstream.
/// </summary>
public static class AgentModule
{
    public static IEndpointRouteBuilder MapAgentModule(this IEndpointRouteBuilder app)
    {
        var agent = app.MapGroup("/api/agent").WithTags("agent");
        agent.MapRegionApi();
        agent.MapRegionBindingApi();
        agent.MapProxyApi();
        agent.MapSubnetApi();
        agent.MapCheckApi();
        agent.MapInheritApi();
        agent.MapNodeInfoApi(Points.AgentRead, withList: false);
        agent.MapAgentNodeInfo();
        agent.MapAgentMonitorApi();
        return app;
    }
}
