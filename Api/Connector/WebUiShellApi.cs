using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Connector;

/// <summary>
/// Routes of modules this product does not have that the upstream web UI's shell loads on every page (the tree
/// panel, the search box, the login page, the CI names beside job names). They answer honestly empty, in the
/// shape each page reads, so no page turns a 404 into an error toast.
/// </summary>
public static class WebUiShellApi
{
    public static IEndpointRouteBuilder MapWebUiShellApi(this IEndpointRouteBuilder routes)
    {
        // job.controller.js, dashboard.controller.js, runtask.controller.js: `data` is CI projects `{id, name}` of the node.
        routes.MapGet("/api/ci/group/{treeid}", () => Reply.Ok(Array.Empty<object>())).RequirePoint(Points.JobRead).WithTags("ci");

        var connector = routes.MapGroup(ConnectorModule.Prefix).WithTags("connector");
        // depttree.services.js, menu.directive.js: `data` is the department tree's nodes (upstream: [] without its DeptTree file).
        connector.MapGet("/connectorx/depttree", () => Reply.Ok(Array.Empty<object>())).LoginOnly("always empty: there is no department tree here");
        // globalsearch.controller.js, search.controller.js: `data` is navigation cards `{name, describe, url, icon, type}`.
        connector.MapGet("/navigation/menu", () => Reply.Ok(Array.Empty<object>())).LoginOnly("always empty: there are no navigation cards here");
        // login.controller.js: `data.default` names the login extension to jump to, other keys list extensions; none here.
        connector.MapGet("/loginext", () => Reply.Ok(new { @default = string.Empty })).NoLogin("the login page asks before anyone is logged in; always no extension");
        return routes;
    }
}
