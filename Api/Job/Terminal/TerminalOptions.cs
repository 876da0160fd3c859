namespace OpenC3.Api.Job;

/// <summary>`Terminal:*` — the web terminal's bounds (`/api/job/cmd/:treeid`).</summary>
public sealed class TerminalOptions
{
    public const string Section = "Terminal";

    /// <summary>A session without a keystroke for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Open terminals of one user on one API host; one more is refused.</summary>
    public int MaxSessionsPerUser { get; set; } = 5;

    /// <summary>Hosts typed to at once in one (batch) terminal.</summary>
    public int MaxHosts { get; set; } = 50;

    /// <summary>The largest websocket message a browser may send (a paste); a larger one closes the session.</summary>
    public int MaxInputBytes { get; set; } = 64 * 1024;
}
