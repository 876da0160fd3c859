using Microsoft.Extensions.Options;
using OpenC3.Grains.Execution;

namespace OpenC3.Grains.Agent;

/// <summary>
/// Probes a proxy or a host the way the execution engine reaches it: a pooled SSH connection with the platform key and
/// the pinned host key (a host through its region's proxies), and a channel opened on it. Its version is the server's
/// SSH identification; nothing but `true` runs there. A probe holds one of the silo's command slots and waits for one
/// of <see cref="AgentOptions.MaxParallelProbes"/> turns first, so probing a large node never takes the slots tasks need.
/// </summary>
public sealed class SshProbe(SshConnectionPool pool, SshExecutor executor, IOptions<SshOptions> ssh, IOptions<AgentOptions> agent)
{
    private const int VersionColumn = 100;

    private readonly SemaphoreSlim turns = new(agent.Value.MaxParallelProbes, agent.Value.MaxParallelProbes);

    public sealed record Outcome(string? Version, string? Failure);

    public async Task<Outcome> ProbeAsync(SshTarget target)
    {
        await turns.WaitAsync();
        try
        {
            using var slot = await executor.SlotAsync(CancellationToken.None);
            using var deadline = new CancellationTokenSource(ssh.Value.ConnectTimeout * (target.TreeId is null ? 2 : 3));
            using var lease = await pool.LeaseAsync(target, deadline.Token);
            using var command = lease.Client.CreateCommand("true");
            await command.ExecuteAsync(deadline.Token);
            var version = lease.Client.ConnectionInfo.ServerVersion ?? string.Empty;
            return new Outcome(version.Length > VersionColumn ? version[..VersionColumn] : version, null);
        }
        catch (Exception error)
        {
            return new Outcome(null, ProbeReason.Of(error));
        }
        finally
        {
            turns.Release();
        }
    }
}
