using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Api.Agent;

/// <summary>`/project_region_relation`: which regions (the node's own or node 0's) a node uses.</summary>
public static class RegionBindingApi
{
    private const string RegionIdPattern = @"^\d+$";

    public static RouteGroupBuilder MapRegionBindingApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/project_region_relation/{treeid}", List).RequireProjectPoint(Points.AgentRead);
        agent.MapPost("/project_region_relation/{treeid}", Bind).RequireProjectPoint(Points.AgentWrite);
        agent.MapDelete("/project_region_relation/{treeid}/{regionid}", Unbind).RequireProjectPoint(Points.AgentDelete);
        return agent;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var bindings = await grains.GetGrain<IAgentRegionsGrain>(0).Bindings(context.TreeId());
        return Reply.Ok(bindings.Select(b => new { id = b.Id, projectid = b.ProjectId, regionid = b.RegionId }));
    }

    private static async Task<IResult> Bind(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("regionid", RegionIdPattern).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        if (TreeIds.TryParse(input.Text("regionid")) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var regions = grains.GetGrain<IAgentRegionsGrain>(0);
        var region = await regions.Find(regionId);
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "USE REGION", $"TREEID:{treeId} REGIONID:{regionId} REGIONNAME:{region?.Name}");
        return AgentReplies.Rows(await regions.Bind(treeId, regionId));
    }

    private static async Task<IResult> Unbind(string regionid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var regions = grains.GetGrain<IAgentRegionsGrain>(0);
        if (!(await regions.Bindings(treeId)).Any(b => b.RegionId == regionId))
        {
            return Reply.Ok(0);
        }

        var region = await regions.Find(regionId);
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "OUT REGION", $"TREEID:{treeId} REGIONID:{regionId} REGIONNAME:{region?.Name}");
        return Reply.Ok(await regions.Unbind(treeId, regionId));
    }
}
