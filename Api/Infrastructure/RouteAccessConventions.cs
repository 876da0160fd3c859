namespace OpenC3.Api.Infrastructure;

/// <summary>`.RequirePoint(...)`, `.RequireGlobalPoint(...)`, `.LoginOnly(...)`, `.NoLogin(...)` on an endpoint or a group.</summary>
public static class RouteAccessConventions
{
    public const string TreeRouteValue = "treeid";

    public static TBuilder RequirePoint<TBuilder>(
        this TBuilder builder, string point, string routeValue = TreeRouteValue, string? field = null, string? privateNodeFallback = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TreePointAccess(point, routeValue, field ?? routeValue, privateNodeFallback));

    public static TBuilder RequireGlobalPoint<TBuilder>(this TBuilder builder, string point)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GlobalPointAccess(point));

    public static TBuilder LoginOnly<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new LoginOnlyAccess(reason));

    public static TBuilder NoLogin<TBuilder>(this TBuilder builder, string reason)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new NoLoginAccess(reason));
}
