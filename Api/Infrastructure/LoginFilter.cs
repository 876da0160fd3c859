using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Every module endpoint needs a caller: app headers `appname` + `appkey` matching `Connector:Apps`.
/// Anything else gets upstream's `{stat:false, code:10000}` so clients redirect to login.
/// </summary>
public sealed class LoginFilter(IOptionsMonitor<ConnectorOptions> connector) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = Identify(context.HttpContext.Request);
        if (caller is null)
        {
            return Reply.NotLoggedIn();
        }

        caller.AttachTo(context.HttpContext);
        return await next(context);
    }

    private Caller? Identify(HttpRequest request)
    {
        var name = request.Headers["appname"].ToString();
        var key = request.Headers["appkey"].ToString();
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
