using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>The service tree: the built-in `/default/tree*` routes and the `/connectorx` views the UI and modules read.</summary>
public static class TreeApi
{
    public static RouteGroupBuilder MapTreeApi(this RouteGroupBuilder connector)
    {
        // The whole tree's names are what the UI's node picker shows every user, as upstream.
        connector.MapGet("/default/tree", NestedTree).LoginOnly("the tree's shape, shown to every user");
        connector.MapGet("/default/tree/map", FlatTree).LoginOnly("the tree's names, shown to every user");
        connector.MapPost("/default/tree", AddRoot).RequireGlobalPoint(Points.ConnectorWrite);
        connector.MapPost("/default/tree/{parentId}", AddChild).RequirePoint(Points.ConnectorWrite, routeValue: "parentId");
        connector.MapDelete("/default/tree/{id}", DeleteNode).RequirePoint(Points.ConnectorDelete, routeValue: "id");
        connector.MapGet("/connectorx/treemap", FlatTree).LoginOnly("the tree's names, shown to every user");
        connector.MapGet("/connectorx/usertree", UserTree).LoginOnly("the caller's own visible nodes and private node");
        connector.MapGet("/connectorx/usertree/treemap", UserTreeMap).LoginOnly("the caller's own visible nodes");
        return connector;
    }

    private static async Task<IResult> NestedTree(IGrainFactory grains) =>
        Reply.Ok(TreeShape.Nest(await grains.GetGrain<ITreeGrain>(0).List()));

    private static async Task<IResult> FlatTree(IGrainFactory grains) =>
        Reply.Ok((await grains.GetGrain<ITreeGrain>(0).List()).Select(n => new { id = n.Id, name = n.Name, len = n.Len, update_time = n.UpdateTime }));

    private static Task<IResult> AddRoot(HttpContext context, IGrainFactory grains) => AddAsync(context, grains, parentId: null);

    private static Task<IResult> AddChild(HttpContext context, IGrainFactory grains) => AddAsync(context, grains, context.TreeId());

    private static async Task<IResult> AddAsync(HttpContext context, IGrainFactory grains, long? parentId)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("name", "^[A-Za-z][A-Za-z0-9_-]*$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        await AuditTrail.RecordAsync(grains, Caller.Required(context), "ADD TREE NODE", $"PARENT:{parentId ?? 0} NAME:{input.Text("name")}");
        var change = await grains.GetGrain<ITreeGrain>(0).Add(parentId, input.Text("name")!);
        return change.Id is { } id ? Reply.Ok(id) : Reply.Fail(change.Error ?? "add failed");
    }

    private static async Task<IResult> DeleteNode(HttpContext context, IGrainFactory grains)
    {
        var node = context.TreeId();
        await AuditTrail.RecordAsync(grains, Caller.Required(context), "DELETE TREE NODE", $"ID:{node}");
        var error = await grains.GetGrain<ITreeGrain>(0).Delete(node);
        return error is null ? Reply.Ok(1) : Reply.Fail(error);
    }

    private static async Task<IResult> UserTree(HttpContext context, IGrainFactory grains)
    {
        var caller = Caller.Required(context);
        var tree = TreeShape.Nest(await VisibleNodesAsync(caller, grains));
        if (!caller.IsApp)
        {
            var privateId = await grains.GetGrain<IGrantsGrain>(0).EnsurePrivate(caller.User, caller.User);
            tree.Add(new Dictionary<string, object>
            {
                ["id"] = PermissionPolicy.PrivateRoot,
                ["name"] = "private",
                ["children"] = new List<Dictionary<string, object>> { new() { ["id"] = privateId, ["name"] = caller.User } },
            });
        }

        return Reply.Ok(tree);
    }

    private static async Task<IResult> UserTreeMap(HttpContext context, IGrainFactory grains)
    {
        var nodes = await VisibleNodesAsync(Caller.Required(context), grains);
        return Reply.Ok(nodes.ToDictionary(n => n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), n => n.Name));
    }

    private static async Task<IReadOnlyList<TreeNode>> VisibleNodesAsync(Caller caller, IGrainFactory grains)
    {
        var nodes = await grains.GetGrain<ITreeGrain>(0).List();
        var access = grains.GetGrain<IAccessGrain>(0);
        if (caller.IsApp || await access.GlobalLevel(caller.User) is not null)
        {
            return nodes;
        }

        return TreeShape.VisibleTo(nodes, (await access.GrantedNodes(caller.User)).ToHashSet());
    }
}
