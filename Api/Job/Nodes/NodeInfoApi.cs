using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>
/// `/nodeinfo`: a tree node's machines (connector resources and node list), their count, and a membership check.
/// The job and agent modules both serve it, each behind its own read point.
/// </summary>
public static class NodeInfoApi
{
    private const string NodesPattern = @"^[a-zA-Z0-9_\-\.,]+$";

    /// <param name="withList">False when the module serves its own list (the agent module adds what its check loop saw).</param>
    public static RouteGroupBuilder MapNodeInfoApi(this RouteGroupBuilder module, string readPoint, bool withList = true)
    {
        if (withList)
        {
            module.MapGet("/nodeinfo/{treeid}", List).RequireProjectPoint(readPoint);
        }

        module.MapGet("/nodeinfo/{treeid}/check", CheckNodes).RequireProjectPoint(readPoint);
        module.MapGet("/nodeinfo/{treeid}/count", Count).RequireProjectPoint(readPoint);
        return module;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var machines = await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId);
        return Reply.Ok(machines.Select((m, i) => new { id = i + 1, name = m.Name, type = m.Type, inip = m.InIp, exip = m.ExIp }));
    }

    /// <summary>`data: null` when every host belongs to the node (always on node 0, as upstream), else the outsiders as CSV.</summary>
    private static async Task<IResult> CheckNodes(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("node", NodesPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (treeId == 0)
        {
            return Reply.Ok(null);
        }

        var hosts = input.Text("node")!.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var outsiders = MachineMembership.Outsiders(await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId), hosts);
        return Reply.Ok(outsiders.Count == 0 ? null : string.Join(',', outsiders));
    }

    private static async Task<IResult> Count(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        return Reply.Ok(new { node = (await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId)).Count });
    }
}
