using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// The one filter every route runs: reads the endpoint's <see cref="RouteAccess"/>, identifies the caller
/// (<see cref="LoginFilter"/>: `code:10000` when not logged in), validates the tree id of a tree point
/// (upstream's `check format fail treeid format error (?^:^\d+$)`), checks the point (`Unauthorized`) and binds
/// the node for the handler (<see cref="BoundTreeNode.TreeId"/>). An endpoint that declares nothing fails closed (HTTP 500).
/// </summary>
public sealed class AccessFilter(LoginFilter login) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RouteAccess>() switch
        {
            NoLoginAccess => next(context),
            LoginOnlyAccess => login.InvokeAsync(context, next),
            GlobalPointAccess global => login.InvokeAsync(context, c => GlobalAsync(c, global.Point, next)),
            TreePointAccess tree => login.InvokeAsync(context, c => TreeAsync(c, tree, next)),
            _ => throw new InvalidOperationException($"{context.HttpContext.GetEndpoint()?.DisplayName} declares no access"),
        };

    private static async ValueTask<object?> GlobalAsync(EndpointFilterInvocationContext context, string point, EndpointFilterDelegate next) =>
        await context.HttpContext.AllowsAsync(point, 0) ? await next(context) : Reply.Unauthorized();

    private static async ValueTask<object?> TreeAsync(EndpointFilterInvocationContext context, TreePointAccess tree, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (TreeIds.TryParse(http.Request.RouteValues[tree.RouteValue] as string) is not { } treeId)
        {
            return Reply.Fail(TreeIds.FormatError(tree.Field));
        }

        if (!await AllowsAsync(http, tree.Point, treeId)
            && !(tree.PrivateNodeFallback is { } fallback && treeId > PermissionPolicy.PrivateRoot && await AllowsAsync(http, fallback, treeId)))
        {
            return Reply.Unauthorized();
        }

        BoundTreeNode.Bind(http, treeId);
        return await next(context);
    }

    /// <summary>
    /// `_root` points are global only, as upstream checks them without a node: on a private node or the private
    /// root (which pass every other point) they must not pass.
    /// </summary>
    private static Task<bool> AllowsAsync(HttpContext http, string point, long treeId) =>
        http.AllowsAsync(point, point.EndsWith("_root", StringComparison.Ordinal) ? 0 : treeId);
}
