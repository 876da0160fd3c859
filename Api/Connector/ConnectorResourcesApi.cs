namespace OpenC3.Api.Connector;

/// <summary>Address book, message exits, OA approval, resources, config, version and release routes.</summary>
public static class ConnectorResourcesApi
{
    public static RouteGroupBuilder MapConnectorResourcesApi(this RouteGroupBuilder connector) =>
        connector
            .MapAddressBookApi()
            .MapMessageApi()
            .MapOaApprovalApi()
            .MapNodeApi()
            .MapConfigApi()
            .MapVersionApi()
            .MapReleaseApi();
}
