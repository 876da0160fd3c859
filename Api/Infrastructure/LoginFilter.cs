using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Every module endpoint needs a caller: the session cookie `sid` of a built-in login, or app headers
/// `appname` + `appkey` matching `Connector:Apps`. Anyone else gets upstream's `{stat:false, code:10000}`
/// so clients redirect to login.
/// </summary>
public sealed class LoginFilter(IOptionsMonitor<ConnectorOptions> connector, IGrainFactory grains) : IEndpointFilter
{
    public const string CookieName = "sid";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = await IdentifyAsync(context.HttpContext.Request);
        if (caller is null)
        {
            return Reply.NotLoggedIn();
        }

        caller.AttachTo(context.HttpContext);
        return await next(context);
    }

    public async Task<Caller?> IdentifyAsync(HttpRequest request)
    {
        if (request.Cookies[CookieName] is { Length: > 0 } sessionId && await UserOfSessionAsync(sessionId) is { } user)
        {
            return Caller.ForUser(user);
        }

        return AppCaller(request.Headers["appname"].ToString(), request.Headers["appkey"].ToString());
    }

    public Task<string?> UserOfSessionAsync(string sessionId) => grains.GetGrain<IIdentityGrain>(0).ResolveSession(sessionId);

    public Caller? AppCaller(string name, string key)
    {
        if (name.Length == 0 || key.Length == 0)
        {
            return null;
        }

        return connector.CurrentValue.Apps.TryGetValue(name, out var expected) && SameSecret(expected, key)
            ? new Caller($"{name}@app", "@app", IsApp: true)
            : null;
    }

    private static bool SameSecret(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
