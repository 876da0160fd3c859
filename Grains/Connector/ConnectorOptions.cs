namespace OpenC3.Grains.Connector;

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

    /// <summary>Failed logins per user, and per client address, within <see cref="LockoutWindow"/> before logins are refused.</summary>
    public int LockoutUserFailures { get; set; } = 5;

    public int LockoutIpFailures { get; set; } = 50;

    public TimeSpan LockoutWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The public address of this OPEN-C3 site; redirects only ever go here (or to a relative path).</summary>
    public string SiteAddress { get; set; } = string.Empty;

    /// <summary>Where the built-in SSO sends users to log in and to change passwords (relative to the site).</summary>
    public string LoginPath { get; set; } = "/#/login";

    public string ChangePasswordPath { get; set; } = "/#/chpasswd";
}
