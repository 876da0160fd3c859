using OpenC3.Api.Infrastructure;

namespace OpenC3.Api.Connector;

/// <summary>`/api/connector`: the built-in connector. A few routes work without login (login itself, SSO helpers).</summary>
public static class ConnectorModule
{
    public const string Prefix = "/api/connector";

    public static IEndpointRouteBuilder MapConnectorModule(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup(Prefix).WithTags("connector");
        open.MapSessionApi();

        var connector = app.MapGroup(Prefix).AddEndpointFilter<LoginFilter>().WithTags("connector");
        connector.MapUserApi();
        connector.MapTreeApi();
        connector.MapAuthApi();
        connector.MapAuditApi();
        connector.MapConnectorResourcesApi();
        return app;
    }
}
