using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Api.Agent;

/// <summary>`/region`: a node's regions, creating and deleting them (with everything in them), and the regions bound to it with their counts.</summary>
public static class RegionApi
{
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapRegionApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/region/{treeid}", List).RequireProjectPoint(Points.AgentRead);
        agent.MapPost("/region/{treeid}", Create).RequireProjectPoint(Points.AgentWrite);
        agent.MapDelete("/region/{treeid}/{regionid}", Delete).RequireProjectPoint(Points.AgentDelete);
        agent.MapGet("/region/{treeid}/active", Active).RequireProjectPoint(Points.AgentRead);
        return agent;
    }

    /// <summary>`?relation=1` adds node 0's regions: the ones a node may bind besides its own.</summary>
    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var regions = await grains.GetGrain<IAgentRegionsGrain>(0).List(context.TreeId(), PerlTruth.IsTrue(input, "relation"));
        return Reply.Ok(regions.Select(r => new { id = r.Id, name = r.Name, projectid = r.ProjectId, create_time = r.CreateTime }));
    }

    private static async Task<IResult> Create(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if ((new Check(input).NoQuote("name", required: true).Failure ?? ResourceRoutes.Oversized(input, ("name", MaxNameLength))) is { } failure)
        {
            return Reply.Fail(failure);
        }

        var name = input.Text("name")!;
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD REGION", $"TREEID:{treeId} NAME:{name}");
        return AgentReplies.Rows(await grains.GetGrain<IAgentRegionsGrain>(0).Create(treeId, name));
    }

    private static async Task<IResult> Delete(string regionid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var regions = grains.GetGrain<IAgentRegionsGrain>(0);
        if (await regions.Find(regionId) is not { } region || region.ProjectId != treeId)
        {
            return Reply.Ok(0);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DEL REGION", $"TREEID:{treeId} NAME:{region.Name}");
        return Reply.Ok(await regions.Delete(treeId, regionId));
    }

    /// <summary>`proxy` and `agent` count the region's proxies and the node's subnets in it by status; null when there are none.</summary>
    private static async Task<IResult> Active(HttpContext context, IGrainFactory grains)
    {
        var regions = await grains.GetGrain<IAgentRegionsGrain>(0).Active(context.TreeId());
        return Reply.Ok(regions.Select(r => new { id = r.Id, region = r.Region, regionprojectid = r.RegionProjectId, proxy = r.Proxy, agent = r.Agent }));
    }
}
