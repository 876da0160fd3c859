namespace OpenC3.Grains.Execution;

/// <summary>`Ssh:*` — how the platform reaches hosts.</summary>
public sealed class SshOptions
{
    public const string Section = "Ssh";

    /// <summary>The login on every host; a step's `user` is reached with `sudo -n -u` when it differs.</summary>
    public string User { get; set; } = "root";

    /// <summary>Private key file (OpenSSH or PEM) of the platform.</summary>
    public string KeyFile { get; set; } = string.Empty;

    public int Port { get; set; } = 22;

    /// <summary>How long one handshake (TCP, key exchange, login) may take, counted from its start, never while queued.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Upper bound of SSH handshakes in flight on this silo; the bound in use adapts below it (<see cref="HandshakeLimit"/>).</summary>
    public int MaxHandshakes { get; set; } = 64;

    /// <summary>Handshakes in flight at start; the bound grows from here while they finish within <see cref="HandshakeTarget"/>.</summary>
    public int InitialHandshakes { get; set; } = 8;

    /// <summary>A handshake that takes longer means the silo is saturated: the bound is halved.</summary>
    public TimeSpan HandshakeTarget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Commands running at once across all steps of this silo.</summary>
    public int MaxParallel { get; set; } = 200;

    /// <summary>Hosts of one step running at once (0: only <see cref="MaxParallel"/> applies), so one wide step cannot take every slot.</summary>
    public int MaxParallelPerStep { get; set; }

    /// <summary>Channels per pooled connection; keep at or below the server's `MaxSessions` (10 by default).</summary>
    public int MaxSessionsPerConnection { get; set; } = 8;

    /// <summary>Idle pooled connections are closed after this long.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Output kept per host and command; beyond it the output is cut with a marker.</summary>
    public int MaxOutputBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// When set, every host key must have this SHA256 fingerprint (base64, as `ssh-keygen -l` prints it
    /// without `SHA256:`). Unset, each host's key is pinned on first use (<see cref="KnownHostStore"/>).
    /// </summary>
    public string? HostKeyFingerprint { get; set; }

    /// <summary>A cut run's session gets TERM, then KILL after this long (kill, step timeout, a crashed silo's orphans).</summary>
    public TimeSpan KillGrace { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Restrict key exchange to curve25519-sha256: the managed post-quantum default costs ~5x the CPU per connection.</summary>
    public bool FastKeyExchange { get; set; } = true;
}
