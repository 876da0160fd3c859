using OpenC3.Api.Infrastructure;
using OpenC3.Api.Job;
using OpenC3.Grains.Abstractions.Agent;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Agent;

/// <summary>`/proxy`: the jump hosts of a node's regions, and the subnet → proxy document of a node and its ancestors.</summary>
public static class ProxyApi
{
    private const string IpPattern = @"^[a-zA-Z0-9 \-\._,]+$";
    private const int MaxIpLength = 8000;

    public static RouteGroupBuilder MapProxyApi(this RouteGroupBuilder agent)
    {
        agent.MapGet("/proxy/{treeid}", Routes).RequireProjectPoint(Points.AgentRead);
        agent.MapGet("/proxy/{treeid}/{regionid}", List).RequireProjectPoint(Points.AgentRead);
        agent.MapPost("/proxy/{treeid}/{regionid}", Add).RequireProjectPoint(Points.AgentWrite);
        agent.MapDelete("/proxy/{treeid}/{proxyid}", Delete).RequireProjectPoint(Points.AgentDelete);
        return agent;
    }

    /// <summary>
    /// One map per level, the node first, then its ancestors nearest first, then node 0; a client takes the first
    /// level whose subnet or /regex/ matches a host. `info` names the levels (`id:12,3,0`), as upstream.
    /// </summary>
    private static async Task<IResult> Routes(HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        var lineage = TreeLineage.Of(await grains.GetGrain<ITreeGrain>(0).List(), treeId);
        List<long> levels = [treeId, .. lineage?.Ancestors ?? []];
        if (treeId != 0)
        {
            levels.Add(0);
        }

        var proxies = grains.GetGrain<IAgentProxiesGrain>(0);
        var maps = new List<IReadOnlyDictionary<string, string>>();
        foreach (var level in levels)
        {
            maps.Add(await proxies.Routes(level));
        }

        return Reply.Ok(maps, "id:" + string.Join(',', levels));
    }

    private static async Task<IResult> List(string regionid, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var proxies = await grains.GetGrain<IAgentProxiesGrain>(0).List(context.TreeId(), regionId);
        return Reply.Ok(proxies.Select(p => new { id = p.Id, status = p.Status, version = p.Version, edit_time = p.EditTime, ip = p.Ip, fail = p.Fail, reason = p.Reason }));
    }

    private static async Task<IResult> Add(string regionid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(regionid) is not { } regionId)
        {
            return Reply.Fail(TreeIds.FormatError("regionid"));
        }

        var input = await RequestParams.ReadAsync(context.Request);
        if ((new Check(input).Required("ip", IpPattern).MaxLength("ip", MaxIpLength).Failure) is { } failure)
        {
            return Reply.Fail(failure);
        }

        var (addresses, error) = ProxyAddresses.Parse(input.Text("ip")!);
        if (error is not null)
        {
            return Reply.Fail(error);
        }

        // The silo connects to proxies with the platform key: only machines an admin placed on the node qualify (node 0 is admins' own).
        var outsiders = treeId == 0 ? [] : MachineMembership.Outsiders(await grains.GetGrain<INodeInventoryGrain>(0).Machines(treeId), addresses);
        if (outsiders.Count > 0)
        {
            return Reply.Fail($"the proxy not on tree: {string.Join(',', outsiders)}");
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD PROXY", $"TREEID:{treeId} REGIONID:{regionId} PROXYIP:{string.Join(',', addresses)}");
        return AgentReplies.Done(await grains.GetGrain<IAgentProxiesGrain>(0).Add(treeId, regionId, addresses));
    }

    private static async Task<IResult> Delete(string proxyid, HttpContext context, IGrainFactory grains)
    {
        var treeId = context.TreeId();
        if (TreeIds.TryParse(proxyid) is not { } proxyId)
        {
            return Reply.Fail(TreeIds.FormatError("proxyid"));
        }

        var proxies = grains.GetGrain<IAgentProxiesGrain>(0);
        if (await proxies.Find(treeId, proxyId) is not { } proxy)
        {
            return Reply.Ok(0);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DEL PROXY", $"TREEID:{treeId} REGIONID:{proxy.RegionId} PROXYIP:{proxy.Ip}");
        return Reply.Ok(await proxies.Delete(treeId, proxyId));
    }
}
