namespace OpenC3.Api.Infrastructure;

/// <summary>
/// What a websocket route (a request delegate, outside the endpoint filters) checks before it upgrades: a websocket
/// request, from a trusted page (<see cref="TrustedOrigins"/>) or no page at all, by a logged-in caller, who is then
/// attached to the request. The refusal is an envelope, as upstream's.
/// </summary>
public static class WebSocketGate
{
    public static async Task<IResult?> RefuseBeforeUpgradeAsync(HttpContext context, LoginFilter login, TrustedOrigins origins)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Reply.Fail("websocket only");
        }

        if (!origins.AllowsWebSocket(context.Request))
        {
            return Reply.Unauthorized();
        }

        if (await login.IdentifyAsync(context.Request) is not { } caller)
        {
            return Reply.NotLoggedIn();
        }

        caller.AttachTo(context);
        return null;
    }
}
