namespace OpenC3.Api.Infrastructure;

/// <summary>`Connector:*` — built-in identity settings.</summary>
public sealed class ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Application callers: `appname` → `appkey`. A caller presenting both headers acts as `&lt;appname&gt;@app`.</summary>
    public Dictionary<string, string> Apps { get; set; } = new(StringComparer.Ordinal);
}
