using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Agent;

/// <summary>
/// `/inherit/:p`: the node's ancestors (`inheritid`, nearest first, comma separated) and full name, derived from the
/// service tree when asked (upstream copied them into a table every few minutes); `{}` for a node not in the tree.
/// </summary>
public static class InheritApi
{
    public static RouteGroupBuilder MapInheritApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/inherit/{treeid}", Get).RequireProjectPoint(Points.AgentRead);
        return agent;
    }

    private static async Task<IResult> Get(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeLineage.Of(await grains.GetGrain<ITreeGrain>(0).List(), treeId) is not { } lineage)
        {
            return Reply.Ok(new { });
        }

        return Reply.Ok(new
        {
            id = treeId,
            projectid = treeId,
            inheritid = string.Join(',', lineage.Ancestors),
            create_time = lineage.Node.UpdateTime,
            fullname = lineage.Node.Name,
        });
    }
}
