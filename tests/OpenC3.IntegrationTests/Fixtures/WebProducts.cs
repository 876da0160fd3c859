using System.Globalization;
using System.Net;
using OpenC3.TestSupport;

namespace OpenC3.IntegrationTests.Fixtures;

/// <summary>Short download links and a configured site address, as the web UI flows need.</summary>
public sealed class WebUiProduct() : EmbeddedProduct(
    new SqliteFile(),
    new Configured(("FileServer:DownloadLinkSeconds", WebUiProduct.LinkSeconds.ToString(CultureInfo.InvariantCulture)), ("Connector:SiteAddress", WebUiProduct.Site)))
{
    public const string Site = "http://c3.example.test:8088";
    public const int LinkSeconds = 8;
}

/// <summary>A 1 MiB file limit, at most 4 parts and 2 MiB of files per upload.</summary>
public sealed class SmallUploadLimitProduct() : EmbeddedProduct(
    new SqliteFile(), new Configured(("FileServer:MaxSizeMB", "1"), ("FileServer:MaxParts", "4"), ("FileServer:MaxUploadMB", "2")));

/// <summary>A site at https://c3.example.test, with its web UI also served from https://ui.example.test.</summary>
public sealed class SiteProduct() : EmbeddedProduct(
    new SqliteFile(), new Configured(("Connector:SiteAddress", SiteProduct.Site), ("Connector:AllowedOrigins:0", SiteProduct.UiOrigin)))
{
    public const string Site = "https://c3.example.test";
    public const string UiOrigin = "https://ui.example.test";
}

/// <summary>No admin password configured, and eight-second sessions.</summary>
public sealed class FreshProduct() : EmbeddedProduct(
    new SqliteFile(), new Configured(("Connector:AdminPassword", string.Empty), ("Connector:SessionLifetime", "00:00:08")))
{
    public string PasswordFile => Path.Combine(WorkDir, "data", "initial-admin-password");
}

/// <summary>
/// Behind a proxy at 127.0.0.2 (the only address whose `X-Forwarded-For` it believes), with two free
/// failures per user and address, four per address, and a first wait of two seconds.
/// </summary>
public sealed class ProxiedProduct() : EmbeddedProduct(
    new SqliteFile(),
    new Configured(
        ("ForwardedHeaders:KnownProxies:0", ProxiedProduct.Proxy.ToString()),
        ("Connector:LoginBackoffFreeFailures", "2"),
        ("Connector:LoginBackoffAddressFreeFailures", "4"),
        ("Connector:LoginBackoffFirstWait", "00:00:02")))
{
    public static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");

    /// <summary>A browser whose requests reach the product through the proxy, from <paramref name="clientAddress"/>.</summary>
    public ApiClient Through(string clientAddress)
    {
        var client = new ApiClient(BaseUrl, localAddress: Proxy);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }
}
