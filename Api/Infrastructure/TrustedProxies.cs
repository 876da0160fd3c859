using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenC3.Api.Infrastructure;

/// <summary>
/// `X-Forwarded-For` / `X-Forwarded-Proto` are believed only from the proxies listed in
/// `ForwardedHeaders:KnownProxies` (addresses) and `ForwardedHeaders:KnownNetworks` (CIDR). ASP.NET
/// Core trusts loopback by default; that default is dropped, so without configuration the header
/// is ignored and a client cannot choose the address its failed logins count against.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        // Parsed here, so a mistyped entry stops the start instead of the first request.
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse).ToList();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);

            // Entries are taken from the right only while each hop is a known proxy, so a chain of them works.
            options.ForwardLimit = null;
        });
    }
}
