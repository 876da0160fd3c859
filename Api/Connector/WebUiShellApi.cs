using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Connector;

/// <summary>
/// Routes of modules this product does not have (CI, JOBX, department tree, navigation, login extensions) that
/// the upstream web UI's pages load unconditionally (the tree panel, the search box, the login page, the CI and
/// batch-group names beside job names, the credential list of the script editors). They answer honestly empty,
/// in the shape each page reads, so no page turns a 404 into an error toast.
/// </summary>
public static class WebUiShellApi
{
    public static IEndpointRouteBuilder MapWebUiShellApi(this IEndpointRouteBuilder routes)
    {
        // job.controller.js, dashboard.controller.js, runtask.controller.js: `data` is CI projects `{id, name}` of the node.
        routes.MapGet("/api/ci/group/{treeid}", NoRows).RequirePoint(Points.JobRead).WithTags("ci");
        // quickentry/cmd.controller.js, job/plugin/cmd.controller.js reloadticket: `data` is credentials `{id, name, type}`.
        routes.MapGet("/api/ci/ticket", NoRows).LoginOnly("always empty: there are no credentials here").WithTags("ci");
        // runtask.controller.js getAllJob: `data` is JOBX batch groups `{name, …}` of the node.
        routes.MapGet("/api/jobx/group/{treeid}", NoRows).RequirePoint(Points.JobRead).WithTags("jobx");

        var connector = routes.MapGroup(ConnectorModule.Prefix).WithTags("connector");
        // depttree.services.js, menu.directive.js: `data` is the department tree's nodes (upstream: [] without its DeptTree file).
        connector.MapGet("/connectorx/depttree", NoRows).LoginOnly("always empty: there is no department tree here");
        // globalsearch.controller.js, search.controller.js: `data` is navigation cards `{name, describe, url, icon, type}`.
        connector.MapGet("/navigation/menu", NoRows).LoginOnly("always empty: there are no navigation cards here");
        // login.controller.js: `data.default` names the login extension to jump to, other keys list extensions; none here.
        connector.MapGet("/loginext", NoExtension).NoLogin("the login page asks before anyone is logged in; always no extension");
        return routes;
    }

    private static IResult NoRows() => Reply.Ok(Array.Empty<object>());

    private static IResult NoExtension() => Reply.Ok(new { @default = string.Empty });
}
