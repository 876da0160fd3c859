namespace OpenC3.Api.Infrastructure;

/// <summary>Route groups whose every endpoint needs one global point (tree id 0), e.g. `openc3_connector_root`.</summary>
public static class GlobalPointFilter
{
    public static RouteGroupBuilder RequireGlobalPoint(this RouteGroupBuilder group, string point)
    {
        group.AddEndpointFilter(async (context, next) =>
            await context.HttpContext.AllowsAsync(point, 0) ? await next(context) : Reply.Unauthorized());
        return group;
    }
}
