namespace OpenC3.Api.Connector;

/// <summary>`/api/connector`: the built-in connector. Each route declares its access (a few work without login: login itself, SSO helpers).</summary>
public static class ConnectorModule
{
    public const string Prefix = "/api/connector";

    public static IEndpointRouteBuilder MapConnectorModule(this IEndpointRouteBuilder app)
    {
        var connector = app.MapGroup(Prefix).WithTags("connector");
        connector.MapSessionApi();
        connector.MapUserApi();
        connector.MapTreeApi();
        connector.MapAuthApi();
        connector.MapAuditApi();
        connector.MapConnectorResourcesApi();
        connector.MapMenuFavoritesApi();
        return app;
    }
}
