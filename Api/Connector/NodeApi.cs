using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>
/// Resources of service-tree nodes: the built-in list (`/default/node/*`) and the view other modules
/// read (`/connectorx/nodeinfo`). The list is who a command may reach on the node, so only admins (the
/// global `openc3_connector_root`) change it: a user with write on a node, or the owner of a private node,
/// must not widen their own reach.
/// </summary>
public static class NodeApi
{
    private const string Ipv4Pattern = @"^\d+\.\d+\.\d+\.\d+$";

    public static RouteGroupBuilder MapNodeApi(this RouteGroupBuilder connector)
    {
        connector.MapGet("/default/node/{treeid}", List).RequirePoint(Points.ConnectorRead);
        connector.MapPost("/default/node/{treeid}", Add).RequirePoint(Points.ConnectorRoot);
        connector.MapDelete("/default/node/{treeid}/{id}", Delete).RequirePoint(Points.ConnectorRoot);
        connector.MapGet("/default/node/api/{treeid}", Numbered).RequirePoint(Points.ConnectorRead);
        connector.MapGet("/connectorx/nodeinfo/{treeid}", NodeInfo).RequirePoint(Points.ConnectorRead);
        return connector;
    }

    private static async Task<IResult> List(HttpContext context, IGrainFactory grains)
    {
        var nodes = await grains.GetGrain<INodeListGrain>(0).List(context.TreeId());
        return Reply.Ok(nodes.Select(n => new { id = n.Id, name = n.Name, inip = n.Inip, exip = n.Exip, type = n.Type, create_user = n.CreateUser, create_time = n.CreateTime }));
    }

    private static async Task<IResult> Add(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        var failure = new Check(input).Required("name", Ipv4Pattern).Failure;
        if (failure is null && input.Text("name")!.Split('.').Any(octet => octet.Length > 3 || int.Parse(octet, CultureInfo.InvariantCulture) > 255))
        {
            failure = $"check format fail name format error {Check.PerlRegex(Ipv4Pattern)}";
        }

        if (failure is not null)
        {
            return Reply.Fail(failure);
        }

        var treeId = context.TreeId();
        var caller = Caller.Required(context);
        var ip = input.Text("name")!;
        await AuditTrail.RecordAsync(grains, caller, "ADD NODE", $"projectid:{treeId} name:{ip}");
        return await grains.GetGrain<INodeListGrain>(0).Add(treeId, ip, caller.User) is { } error ? Reply.Fail(error) : Reply.Ok(true);
    }

    private static async Task<IResult> Delete(string id, HttpContext context, IGrainFactory grains)
    {
        if (TreeIds.TryParse(id) is not { } nodeId)
        {
            return Reply.Fail(TreeIds.FormatError("id"));
        }

        var treeId = context.TreeId();
        var caller = Caller.Required(context);
        await AuditTrail.RecordAsync(grains, caller, "DEL NODE", $"projectid:{treeId} id:{nodeId}");
        return await grains.GetGrain<INodeListGrain>(0).Delete(treeId, nodeId, caller.User) ? Reply.Ok(true) : Reply.Fail("nofind the id");
    }

    /// <summary>Upstream's connector `nodeinfo` endpoint: the node's hosts numbered from 0 instead of their row ids.</summary>
    private static Task<IResult> Numbered(HttpContext context, IGrainFactory grains) =>
        NumberedAsync(context.TreeId(), grains, includePrivate: true);

    /// <summary>What other modules read; private nodes hold no resources.</summary>
    private static Task<IResult> NodeInfo(HttpContext context, IGrainFactory grains) =>
        NumberedAsync(context.TreeId(), grains, includePrivate: false);

    private static async Task<IResult> NumberedAsync(long treeId, IGrainFactory grains, bool includePrivate)
    {
        IReadOnlyList<NodeEntry> nodes = !includePrivate && treeId >= PermissionPolicy.PrivateRoot ? [] : await grains.GetGrain<INodeListGrain>(0).List(treeId);
        return Reply.Ok(nodes.Select((n, index) => new { id = index, name = n.Name, inip = n.Inip, exip = n.Exip, type = n.Type }));
    }
}
