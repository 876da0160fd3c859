using Microsoft.Extensions.Options;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Agent;

/// <summary>
/// Probes a proxy the way the execution engine will use it: a pooled SSH connection with the platform key and the
/// pinned host key, and a channel opened on it. Its version is the server's SSH identification; nothing but `true` runs there.
/// </summary>
public sealed class ProxyProbe(SshConnectionPool pool, IOptions<SshOptions> options)
{
    private const int VersionColumn = 100;

    public sealed record Outcome(string? Version, string? Failure);

    public async Task<Outcome> ProbeAsync(string host)
    {
        using var deadline = new CancellationTokenSource(options.Value.ConnectTimeout * 2);
        try
        {
            using var lease = await pool.LeaseAsync(SshTarget.Direct(host), deadline.Token);
            using var command = lease.Client.CreateCommand("true");
            await command.ExecuteAsync(deadline.Token);
            var version = lease.Client.ConnectionInfo.ServerVersion ?? string.Empty;
            return new Outcome(version.Length > VersionColumn ? version[..VersionColumn] : version, null);
        }
        catch (Exception error)
        {
            return new Outcome(null, ProbeReason.Of(error));
        }
    }
}
