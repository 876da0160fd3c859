using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Connector;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// Which web pages may act with a visitor's session: the `Connector:SiteAddress` origin, the origins
/// in `Connector:AllowedOrigins` (the web UI may be served elsewhere), and the API's own origin.
/// </summary>
public sealed class TrustedOrigins(IOptionsMonitor<ConnectorOptions> connector)
{
    /// <summary>Browsers always send `Origin` on a websocket; a client without one (a script, the c3 CLI) is no page and may connect.</summary>
    public bool AllowsWebSocket(HttpRequest request) =>
        request.Headers.Origin.ToString() is not { Length: > 0 } origin || Allows(request, origin);

    /// <summary>
    /// A navigation started by this site (or typed by the user): `Sec-Fetch-Site` same-origin or none,
    /// else the `Origin` or `Referer` must name a trusted origin. Without any of them the request cannot
    /// be told apart from a page that hid its referrer, so it is not trusted.
    /// </summary>
    public bool FromTrustedPage(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is "same-origin" or "none")
        {
            return true;
        }

        var source = request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : request.Headers.Referer.ToString();
        return source.Length > 0 && Allows(request, source);
    }

    /// <summary>
    /// An address the web UI gives as its own (`siteaddr`): under <see cref="SafeRedirect"/>'s rules, the site address,
    /// an allowed origin or the API's own, or a path under one of them; never a local path, another host or a script.
    /// </summary>
    public bool IsOwnSite(HttpRequest request, string address) =>
        !address.StartsWith('/') && Trusted(request).Any(site => SafeRedirect.IsSafe(address, site));

    private IEnumerable<string> Trusted(HttpRequest request)
    {
        var settings = connector.CurrentValue;
        return settings.AllowedOrigins.Append(settings.SiteAddress).Append($"{request.Scheme}://{request.Host}");
    }

    private bool Allows(HttpRequest request, string pageAddress)
    {
        if (OriginOf(pageAddress) is not { } page)
        {
            return false;
        }

        return Trusted(request).Any(trusted => OriginOf(trusted) is { } origin && string.Equals(origin, page, StringComparison.OrdinalIgnoreCase));
    }

    private static string? OriginOf(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}
