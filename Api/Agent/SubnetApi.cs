using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;

namespace OpenC3.Api.Agent;

/// <summary>`/agent`: the subnets and /regex/ (upstream's "agents") whose hosts a node reaches through a bound region's proxies.</summary>
public static class SubnetApi
{
    /// <summary>Upstream's characters of a subnet list; the entries are then parsed one by one (<see cref="SubnetList"/>).</summary>
    private const string SubnetPattern = @"^[\^\$a-zA-Z\-\*\d\.\/, ]+$";
    private const int MaxSubnetLength = 8000;

    public static RouteGroupBuilder MapSubnetApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/agent/{treeid}", List).RequireProjectPoint(Points.AgentRead);
        agent.MapGet("/agent/{treeid}/{regionid}", OfRegion).RequireProjectPoint(Points.AgentRead);
        agent.MapPost("/agent/{treeid}/{regionid}/subnet", Add).RequireProjectPoint(Points.AgentWrite);
        agent.MapDelete("/agent/{treeid}/{agentid}", Delete).RequireProjectPoint(Points.AgentDelete);
        return agent;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var subnets = await grains.GetGrain<IAgentSubnetsGrain>(0).List(context.TreeId());
        return Reply.Ok(subnets.Select(s => new { id = s.Id, status = s.Status, version = s.Version, edit_time = s.EditTime }));
    }

    private static async Task<IResult> OfRegion(string regionid, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var subnets = await grains.GetGrain<IAgentSubnetsGrain>(0).OfRegion(context.TreeId(), regionId);
        return Reply.Ok(subnets.Select(s => new { id = s.Id, ip = s.Ip, status = s.Status, version = s.Version, edit_time = s.EditTime, fail = s.Fail, reason = s.Reason }));
    }

    /// <summary>The web UI sends `subnet`, the API document says `subname`: either is taken.</summary>
    private static async Task<IResult> Add(string regionid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if (!input.Has("subnet") && input.Text("subname") is { } subname)
        {
            input = input.With("subnet", subname);
        }

        if (new Check(input).Required("subnet", SubnetPattern).MaxLength("subnet", MaxSubnetLength).Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var text = input.Text("subnet")!;
        var (entries, error) = SubnetList.Parse(text);
        if (error is not null)
        {
            return Reply.Fail(error);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD SUBNET", $"TREEID:{treeId} REGIONID:{regionId} SUBNET_OR_REGEX:{text}");
        return AgentReplies.Done(await grains.GetGrain<IAgentSubnetsGrain>(0).Add(treeId, regionId, entries));
    }

    private static async Task<IResult> Delete(string agentid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(agentid) is not { } agentId)
        {
            return Reply.Fail(TreeIds.FormatError("agentid"));
        }

        var subnets = grains.GetGrain<IAgentSubnetsGrain>(0);
        if (await subnets.Find(treeId, agentId) is not { } subnet)
        {
            return Reply.Ok(0);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DEL SUBNET", $"TREEID:{treeId} SUBNET:{subnet.Ip}");
        return Reply.Ok(await subnets.Delete(treeId, agentId));
    }
}
