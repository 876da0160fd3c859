using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Audit;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>The audit log and the login audit. Modules write through <see cref="AuditTrail"/>; outside tools through this route.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder connector)
    {
        connector.MapPost("/connectorx/auditlog", Record).LoginOnly("records only the caller's own actions (apps: on behalf of their users), checked in the handler");
        connector.MapGet("/connectorx/auditlog", Query).RequireGlobalPoint(Points.ConnectorRoot);
        connector.MapGet("/connectorx/loginaudit", LoginAudit).RequireGlobalPoint(Points.ConnectorRoot);
        return connector;
    }

    private static async Task<IResult> Record(HttpContext context, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", "^[A-Za-z0-9@_.-]+$").Required("title", ".").Required("content", ".").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        // Applications record on behalf of their users; a person may only record their own actions.
        var caller = Caller.Required(context);
        if (!caller.IsApp && input.Text("user") != caller.User)
        {
            return Reply.Unauthorized();
        }

        await grains.GetGrain<IAuditGrain>(0).Record(input.Text("user")!, input.Text("title")!, input.Text("content")!);
        return Reply.Info("ok");
    }

    private static async Task<IResult> Query(HttpContext context, IGrainFactory grains)
    {
        var query = context.Request.Query;
        var filter = new AuditFilter(NonEmpty(query["time"]), NonEmpty(query["user"]), NonEmpty(query["title"]), NonEmpty(query["content"]));
        var rows = await grains.GetGrain<IAuditGrain>(0).Query(filter);
        return Reply.Ok(rows.Select(r => new { time = r.Time, user = r.User, title = r.Title, content = r.Content }));
    }

    private static async Task<IResult> LoginAudit(HttpContext context, IGrainFactory grains)
    {
        var rows = await grains.GetGrain<IIdentityGrain>(0).LoginAudit(NonEmpty(context.Request.Query["user"]), 1000);
        return Reply.Ok(rows.Select(r => new { time = r.Time, user = r.User, action = r.Action, ip = r.Ip }));
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;
}
