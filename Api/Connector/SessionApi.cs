using Microsoft.Extensions.Options;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Connector;

/// <summary>Login, logout and the SSO helper routes other modules and the web UI call without a session.</summary>
public static class SessionApi
{
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static RouteGroupBuilder MapSessionApi(this RouteGroupBuilder open)
    {
        open.MapMethods("/default/user/login", AnyMethod, Login).NoLogin("login itself");
        open.MapMethods("/connectorx/ssologout", AnyMethod, Logout).NoLogin("ends the session in the cookie, if any");
        open.MapGet("/connectorx/username", UserName).NoLogin("SSO backend: resolves the cookie or app keys given in the query");
        open.MapGet("/connectorx/cookiekey", () => Reply.Ok(LoginFilter.CookieName)).NoLogin("the cookie's name, needed before login");
        open.MapGet("/connectorx/sso/userinfo", UserInfo).LoginOnly("the caller's own name and admin flag");
        open.MapMethods("/connectorx/sso/loginredirect", AnyMethod, LoginRedirect).NoLogin("redirects to the login page");
        open.MapMethods("/connectorx/sso/chpasswdredirect", AnyMethod, ChangePasswordRedirect).NoLogin("redirects to the password page");
        open.MapMethods("/connectorx/setcookie", AnyMethod, SetCookie).NoLogin("SSO hand-off: adopts a live session id given in the query");
        open.MapGet("/connectorx/point", Point).NoLogin("the permission question for the session in `cookie` or the caller; answers code:10000 itself");
        open.MapGet("/default/auth/point", Point).NoLogin("as /connectorx/point");
        return open;
    }

    private static async Task<IResult> Login(HttpContext context, IGrainFactory grains, IOptions<ConnectorOptions> options)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("user", ".").Required("pass", ".").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        var ip = context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        var result = await grains.GetGrain<IIdentityGrain>(0).Login(input.Text("user")!, input.Text("pass")!, ip);
        if (result.SessionId is not { } sessionId)
        {
            return Reply.Fail(result.Error ?? LoginResult.BadCredentials);
        }

        context.Response.Cookies.Append(LoginFilter.CookieName, sessionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = DateTimeOffset.UtcNow + options.Value.SessionLifetime,
        });
        return Reply.Info("ok");
    }

    private static async Task<IResult> Logout(HttpContext context, IGrainFactory grains, IOptions<ConnectorOptions> options)
    {
        if (context.Request.Cookies[LoginFilter.CookieName] is { Length: > 0 } sessionId)
        {
            await grains.GetGrain<IIdentityGrain>(0).Logout(sessionId);
        }

        context.Response.Cookies.Delete(LoginFilter.CookieName, new CookieOptions { Path = "/" });
        return Reply.Ok(options.Value.SiteAddress.TrimEnd('/') + options.Value.LoginPath, "ok");
    }

    /// <summary>Other modules' SSO backend: whose session is this cookie, or which app are these keys?</summary>
    private static async Task<IResult> UserName(HttpContext context, LoginFilter login)
    {
        var query = context.Request.Query;
        Caller? caller = query["cookie"].ToString() is { Length: > 0 } cookie
            ? await login.UserOfSessionAsync(cookie) is { } user ? Caller.ForUser(user) : null
            : login.AppCaller(query["appname"].ToString(), query["appkey"].ToString());
        return Reply.Ok(new { user = caller?.User, company = caller?.Company });
    }

    /// <summary>Not enveloped on success, as upstream: the web UI reads these fields directly.</summary>
    private static async Task<IResult> UserInfo(HttpContext context, IGrainFactory grains)
    {
        var caller = Caller.Required(context);
        var local = caller.User.Split('@')[0];
        var admin = caller.IsApp || await grains.GetGrain<IAccessGrain>(0).GlobalLevel(caller.User) >= 3;
        if (!caller.IsApp)
        {
            await grains.GetGrain<IGrantsGrain>(0).EnsurePrivate(caller.User, caller.User);
        }

        var favourites = await grains.GetGrain<IMenuFavoritesGrain>(0).List(caller.User);

        return Results.Json(
            new { name = local.ToUpperInvariant(), email = caller.User, company = caller.Company, admin = admin ? 1 : 0, showconnector = 1, menu = WebUiMenu.For(favourites) },
            Reply.Json);
    }

    /// <summary>
    /// To the login page, with the visitor's `callback` when it stays on this site. The web UI sends its own
    /// address as `siteaddr` (`interceptor.service.js`); upstream put the login page under it, here only when it
    /// is the configured site address (or a path under it) by <see cref="SafeRedirect"/>'s rules, never a local
    /// path or another host.
    /// </summary>
    private static IResult LoginRedirect(HttpContext context, IOptions<ConnectorOptions> options)
    {
        var settings = options.Value;
        var callback = context.Request.Query["callback"].ToString();
        var siteAddress = context.Request.Query["siteaddr"].ToString();
        var site = !siteAddress.StartsWith('/') && SafeRedirect.IsSafe(siteAddress, settings.SiteAddress) ? siteAddress : settings.SiteAddress;
        var target = site.TrimEnd('/') + settings.LoginPath;
        if (SafeRedirect.IsSafe(callback, settings.SiteAddress))
        {
            target += "?callback=" + Uri.EscapeDataString(callback);
        }

        return Results.Redirect(target);
    }

    private static IResult ChangePasswordRedirect(IOptions<ConnectorOptions> options) =>
        Results.Redirect(options.Value.SiteAddress.TrimEnd('/') + options.Value.ChangePasswordPath);

    /// <summary>
    /// Adopts a session id from another window (SSO hand-off), but only a live one, only when a page of
    /// this site sent the visitor (else any page could log a visitor into the attacker's account), and
    /// only redirecting within the site.
    /// </summary>
    private static async Task<IResult> SetCookie(HttpContext context, LoginFilter login, TrustedOrigins origins, IOptions<ConnectorOptions> options)
    {
        var query = context.Request.Query;
        if (query["cookie"].ToString() is { Length: > 0 } sessionId
            && origins.FromTrustedPage(context.Request)
            && await login.UserOfSessionAsync(sessionId) is not null)
        {
            context.Response.Cookies.Append(LoginFilter.CookieName, sessionId, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                Expires = DateTimeOffset.UtcNow + options.Value.SessionLifetime,
            });
        }

        var target = query["c3redirect"].ToString();
        return Results.Redirect(SafeRedirect.IsSafe(target, options.Value.SiteAddress) ? target : "/");
    }

    /// <summary>`point?point=&amp;treeid=&amp;cookie=`: the permission question other modules ask, for the session in `cookie` or the caller.</summary>
    private static async Task<IResult> Point(HttpContext context, LoginFilter login, IGrainFactory grains)
    {
        var input = await RequestParams.ReadAsync(context.Request);
        if (new Check(input).Required("point", "^[a-z0-9_]+$").Required("treeid", @"^\d{1,18}$").Failure is { } failure)
        {
            return Reply.Fail(failure);
        }

        Caller? caller = input.Text("cookie") is { Length: > 0 } cookie
            ? await login.UserOfSessionAsync(cookie) is { } user ? Caller.ForUser(user) : null
            : await login.IdentifyAsync(context.Request);
        if (caller is null)
        {
            return Reply.NotLoggedIn();
        }

        if (caller.IsApp)
        {
            return Reply.Ok(1);
        }

        var point = input.Text("point")!;
        var allowed = await grains.GetGrain<IAccessGrain>(0).Check(caller.User, point, long.Parse(input.Text("treeid")!, System.Globalization.CultureInfo.InvariantCulture));
        return allowed is null ? Reply.Info($"unknown point: {point}") : Reply.Ok(allowed.Value ? 1 : 0);
    }
}
