using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using OpenC3.Api;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.UnitTests;

/// <summary>
/// Builds the API's real route table (the same registration as Program, without starting it) and holds every
/// endpoint to its declaration: exactly one <see cref="RouteAccess"/>, and the routes open to any login or to
/// anyone are exactly the reviewed lists below. A new route without a declaration, or a new open route, fails here.
/// </summary>
public sealed class RouteAccessDeclarationTests
{
    /// <summary>Reviewed: anyone may call these (login itself, SSO helpers, uuid or token capabilities, probes, docs).</summary>
    private static readonly string[] NoLogin =
    [
        "GET,HEAD /",
        "GET /api/agent/monitor/metrics/app",
        "GET /api/agent/monitor/metrics/mysql",
        "GET /api/connector/connectorx/cookiekey",
        "GET /api/connector/connectorx/point",
        "GET /api/connector/connectorx/username",
        "GET /api/connector/default/auth/point",
        "GET /api/connector/loginext",
        "GET /api/job/approval/control/status/{uuid}",
        "GET /api/job/approval/control/{uuid}",
        "GET /api/job/approval/fast/{uuid}",
        "GET /api/job/cmd/{treeid}/ws",
        "GET /api/job/download/{link}",
        "GET /api/job/monitor/metrics/app",
        "GET /api/job/monitor/metrics/mysql",
        "GET /api/job/release",
        "GET /api/job/slave/{slave}/tasklog/{uuid}",
        "GET /api/job/slave/{slave}/ws",
        "GET,HEAD /console/{*view:nonfile}",
        "GET /docs/favicon.svg",
        "GET /docs/scalar.aspnetcore.js",
        "GET /docs/scalar.js",
        "GET /docs/{documentName?}",
        "GET /healthz",
        "GET /openapi/{documentName}.json",
        "GET /readyz",
        "GET,POST /api/connector/connectorx/setcookie",
        "GET,POST /api/connector/connectorx/sso/chpasswdredirect",
        "GET,POST /api/connector/connectorx/sso/loginredirect",
        "GET,POST /api/connector/connectorx/ssologout",
        "GET,POST /api/connector/default/user/login",
        "GET,POST /api/job/variable/update/{treeid}/{jobuuid}/{token}/{name}/{option}",
        "POST /api/job/approval/control",
        "POST /api/job/approval/fast/{uuid}",
        "POST /api/job/fileserver/{treeid}/upload",
        "POST /api/job/uploadv2/fileserver/{treeid}/upload",
        "* /metrics",
        "* /{*path:nonfile}",
    ];

    /// <summary>Reviewed: any logged-in caller (their own data, shared menus, or a point checked on a node the handler finds).</summary>
    private static readonly string[] LoginOnly =
    [
        "DELETE /api/job/slave/{slave}/killtask/{uuid}",
        "DELETE /api/job/smallapplication/{id}",
        "GET /api/connector/connectorx/approval",
        "GET /api/ci/ticket",
        "GET /api/connector/connectorx/depttree",
        "GET /api/connector/connectorx/sso/userinfo",
        "GET /api/connector/connectorx/treemap",
        "GET /api/connector/connectorx/usertree",
        "GET /api/connector/connectorx/usertree/treemap",
        "GET /api/connector/default/mail",
        "GET /api/connector/default/mesg",
        "GET /api/connector/default/tree",
        "GET /api/connector/default/tree/map",
        "GET /api/connector/navigation/menu",
        "GET /api/connector/release",
        "GET /api/connector/version/log",
        "GET /api/connector/version/name",
        "GET /api/job/approval",
        "GET /api/job/approval/{uuid}",
        "GET /api/job/environment",
        "GET,POST /api/connector/menufavorites",
        "GET /api/job/smallapplication",
        "GET /api/job/smallapplication/bytreeid/{treeid}",
        "GET /api/job/smallapplication/{id}",
        "POST /api/connector/connectorx/approval",
        "POST /api/connector/connectorx/auditlog",
        "POST /api/connector/default/user/chpasswd",
        "POST /api/job/approval",
        "POST /api/job/smallapplication",
        "POST /api/job/smallapplication/{id}",
        "POST /api/job/third/option/jobname",
    ];

    [Fact]
    public void EveryEndpoint_DeclaresExactlyOneAccess()
    {
        var undeclared = Endpoints().Where(e => e.Metadata.GetOrderedMetadata<RouteAccess>().Count != 1).Select(Name).ToList();
        Assert.Empty(undeclared);
    }

    [Fact]
    public void RoutesWithoutAPoint_AreExactlyTheReviewedLists()
    {
        // Compared as text, so a failure shows the whole list to review.
        Assert.Equal(string.Join('\n', NoLogin.Order(StringComparer.Ordinal)), string.Join('\n', Declaring<NoLoginAccess>()));
        Assert.Equal(string.Join('\n', LoginOnly.Order(StringComparer.Ordinal)), string.Join('\n', Declaring<LoginOnlyAccess>()));
    }

    [Fact]
    public void TreePoints_NameAKnownPointAndARouteValueOfTheirRoute()
    {
        foreach (var endpoint in Endpoints())
        {
            switch (endpoint.Metadata.GetMetadata<RouteAccess>())
            {
                case TreePointAccess tree:
                    Assert.True(PermissionPolicy.IsKnownPoint(tree.Point), Name(endpoint));
                    Assert.True(endpoint.RoutePattern.GetParameter(tree.RouteValue) is not null, $"{Name(endpoint)} has no {{{tree.RouteValue}}}");
                    break;
                case GlobalPointAccess global:
                    Assert.True(PermissionPolicy.IsKnownPoint(global.Point), Name(endpoint));
                    break;
            }
        }
    }

    /// <summary>Endpoint filters run only for route handlers, so every endpoint that needs a login must be one.</summary>
    [Fact]
    public void EveryEndpointThatNeedsALogin_RunsTheAccessFilter()
    {
        var unfiltered = Endpoints()
            .Where(e => e.Metadata.GetMetadata<RouteAccess>() is not NoLoginAccess && e.Metadata.GetMetadata<MethodInfo>() is null)
            .Select(Name)
            .ToList();
        Assert.Empty(unfiltered);
    }

    private static List<string> Declaring<TAccess>()
        where TAccess : RouteAccess =>
        Endpoints().Where(e => e.Metadata.GetMetadata<RouteAccess>() is TAccess).Select(Name).Order(StringComparer.Ordinal).ToList();

    private static string Name(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        return $"{(methods is { Count: > 0 } ? string.Join(',', methods.Order(StringComparer.Ordinal)) : "*")} {endpoint.RoutePattern.RawText}";
    }

    private static readonly Lazy<IReadOnlyList<RouteEndpoint>> AllEndpoints = new(BuildEndpoints);

    private static IReadOnlyList<RouteEndpoint> Endpoints() => AllEndpoints.Value;

    /// <summary>The app is built, never started: no port is opened and no database is touched.</summary>
    private static List<RouteEndpoint> BuildEndpoints()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "openc3-route-table-unused.db")}",
        });
        builder.AddOpenC3Api();
        var app = builder.Build();
        app.MapOpenC3Routes();
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
    }
}
