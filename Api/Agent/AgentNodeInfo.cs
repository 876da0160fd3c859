using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Agent;

/// <summary>
/// The agent module's `/nodeinfo/:treeid`: the job module's machines, each with what the node's check loop last saw of
/// its inner and outer address (`inips`, `exips`: `{status, fail, reason, version, edit_time}`, `{}` when never
/// probed), as upstream's machine chooser shows them.
/// </summary>
public static class AgentNodeInfo
{
    public static RouteGroupBuilder MapAgentNodeInfo(this RouteGroupBuilder agent)
    {
        agent.MapGet("/nodeinfo/{treeid}", List).RequireProjectPoint(Points.AgentRead);
        return agent;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var machines = await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId);
        var seen = (await grains.GetGrain<IAgentCheckGrain>(0).Monitor(treeId)).ToDictionary(r => r.Ip, StringComparer.Ordinal);
        return Reply.Ok(machines.Select((m, i) => new { id = i + 1, name = m.Name, type = m.Type, inip = m.InIp, exip = m.ExIp, inips = Seen(seen, m.InIp), exips = Seen(seen, m.ExIp) }));
    }

    /// <summary>A field holding several addresses shows its first one's row.</summary>
    private static object Seen(Dictionary<string, HostMonitorRow> seen, string addresses) =>
        seen.TryGetValue(addresses.Split(',')[0].Trim(), out var row)
            ? new { status = row.Status, fail = row.Fail, reason = row.Reason, version = row.Version, edit_time = row.EditTime }
            : new { };
}
