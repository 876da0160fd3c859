using System.Net;

namespace OpenC3.Api.Job;

/// <summary>
/// The page of `/cmd/:treeid`: the terminal bundle from `/console/`, which reads its node, account and mode from the
/// page's own address. Nothing of the request is written into the page but the checked `siteaddr`, HTML-encoded.
/// </summary>
public static class TerminalPage
{
    private const string Bundle = "terminal.js";

    /// <summary>xterm.js sets styles from script and adds a style element for its renderer; no other source is allowed.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

    public static IResult Render(HttpContext context, TerminalTarget target)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        var title = WebUtility.HtmlEncode(string.Join(",", target.Hosts));
        var back = target.SiteAddress is { } site ? $"""<a href="{WebUtility.HtmlEncode(site)}">OPEN-C3</a>""" : string.Empty;
        var body = Infrastructure.ConsoleAssets.Built(context, Bundle)
            ? $"""<div id="terminal"></div><script type="module" src="{Infrastructure.ConsoleAssets.RequestPath}/{Bundle}"></script>"""
            : $"""<p id="unbuilt">{WebUtility.HtmlEncode(Infrastructure.ConsoleAssets.HowToBuild)}</p>""";
        return Results.Content(
            $"""
            <!doctype html>
            <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{title}</title>
            <link rel="stylesheet" href="{Infrastructure.ConsoleAssets.RequestPath}/terminal.css"></head>
            <body><header><span>{title}</span><span id="status">connecting</span>{back}</header>
            {body}
            </body></html>
            """,
            "text/html; charset=utf-8");
    }
}
