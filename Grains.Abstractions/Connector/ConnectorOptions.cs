namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>`Connector:*` — the built-in identity provider.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Application callers: `appname` → `appkey`. A caller presenting both headers acts as `&lt;appname&gt;@app`.</summary>
    public Dictionary<string, string> Apps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Password of the seeded admin `open-c3` on first start (env `OPENC3_ADMIN_PASSWORD` wins); random when unset.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>How long a login session (cookie `sid`) lives.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Failed logins of one user from one client address before each further attempt waits (see `LoginBackoff`).</summary>
    public int LoginBackoffFreeFailures { get; set; } = 3;

    /// <summary>Failed logins from one client address, whatever the user, before each further attempt from it waits.</summary>
    public int LoginBackoffAddressFreeFailures { get; set; } = 30;

    /// <summary>The first wait; it doubles with each further failure up to <see cref="LoginBackoffMaxWait"/>.</summary>
    public TimeSpan LoginBackoffFirstWait { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan LoginBackoffMaxWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A client with no failure for this long starts afresh.</summary>
    public TimeSpan LoginBackoffForgetAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many (user, address) pairs, and as many addresses, are remembered.</summary>
    public int LoginBackoffTrackedClients { get; set; } = 10_000;

    /// <summary>Origins besides <see cref="SiteAddress"/> (and the API's own) whose pages may open the log websocket and hand over sessions.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The public address of this OPEN-C3 site; redirects only ever go here (or to a relative path).</summary>
    public string SiteAddress { get; set; } = string.Empty;

    /// <summary>Where the built-in SSO sends users to log in and to change passwords (relative to the site).</summary>
    public string LoginPath { get; set; } = "/#/login";

    public string ChangePasswordPath { get; set; } = "/#/chpasswd";
}
