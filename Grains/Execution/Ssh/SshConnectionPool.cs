using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Execution;
using OpenC3.Grains.Agent;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Execution;

/// <summary>
/// One SSH connection per (host, port, login), shared by all steps of all tasks on this silo, with a
/// bounded number of channels each. Broken connections are replaced on next use; idle ones closed.
/// Each host's key is pinned on first use (<see cref="KnownHostStore"/>); a different key later fails the host.
/// Handshakes pass an adaptive gate (<see cref="HandshakeGate"/>) separate from the command slots, so a
/// wide cold step cannot start more than the silo can finish within the connect timeout.
/// A host that a subnet routes through a region (<see cref="ProxyRoutes"/>) is reached over a tunnel on the
/// proxy's own pooled connection (<see cref="ProxyTunnel"/>), its key still pinned as the real host's; the
/// region's proxies are tried in turn.
/// </summary>
public sealed class SshConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PooledConnection> connections = new(StringComparer.Ordinal);
    private readonly IOptions<SshOptions> options;
    private readonly KnownHostStore knownHosts;
    private readonly ProxyRoutes routes;
    private readonly ILogger<SshConnectionPool> logger;
    private readonly Lazy<PrivateKeyFile> key;
    private readonly Timer janitor;
    private readonly HandshakeGate handshakes;

    public SshConnectionPool(IOptions<SshOptions> options, KnownHostStore knownHosts, ProxyRoutes routes, ILogger<SshConnectionPool> logger)
    {
        this.routes = routes;
        this.options = options;
        handshakes = new HandshakeGate(new HandshakeLimit(options.Value.InitialHandshakes, options.Value.MaxHandshakes, options.Value.HandshakeTarget), TimeProvider.System);
        this.knownHosts = knownHosts;
        this.logger = logger;
        key = new Lazy<PrivateKeyFile>(() => new PrivateKeyFile(options.Value.KeyFile));
        var sweep = TimeSpan.FromTicks(Math.Min(options.Value.IdleTimeout.Ticks / 2, TimeSpan.FromMinutes(1).Ticks));
        janitor = new Timer(_ => CloseIdle(), null, sweep, sweep);
        Diagnostics.OpenC3Metrics.TrackSshPool(this, () => OpenConnections);
    }

    public int OpenConnections => connections.Values.Count(c => c.IsConnected);

    /// <summary>
    /// The one way to a connected client for a host: waits for a free channel on the host's connection, connecting
    /// first if needed, directly or through the proxies its node's subnets choose. Commands, copies, remote files and
    /// the web terminal all lease here.
    /// </summary>
    public async Task<ConnectionLease> LeaseAsync(SshTarget target, CancellationToken cancellationToken)
    {
        var route = target.TreeId is { } treeId ? await routes.ForAsync(treeId, target.Host) : null;
        var pooled = Pooled(target.Host, route);
        await pooled.Channels.WaitAsync(cancellationToken);
        try
        {
            var link = await pooled.ConnectedAsync(
                connect => route is null ? DirectAsync(target.Host, connect) : ThroughAsync(target.Host, route, connect), cancellationToken);
            return new ConnectionLease(link.Client, pooled);
        }
        catch
        {
            pooled.Channels.Release();
            throw;
        }
    }

    /// <summary>Closes connections nobody used for <see cref="SshOptions.IdleTimeout"/>.</summary>
    public void CloseIdle()
    {
        var cutoff = DateTime.UtcNow - options.Value.IdleTimeout;
        foreach (var (name, pooled) in connections)
        {
            if (pooled.LastUsed < cutoff && !pooled.CarriesTunnels && pooled.Channels.CurrentCount == options.Value.MaxSessionsPerConnection && connections.TryRemove(name, out _))
            {
                pooled.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Diagnostics.OpenC3Metrics.ForgetSshPool(this);
        await janitor.DisposeAsync();
        foreach (var pooled in connections.Values)
        {
            pooled.Dispose();
        }

        connections.Clear();
    }

    /// <summary>A proxy's connection is pooled like a host's and shared by every tunnel through it; it takes no channel slot.</summary>
    private PooledConnection Pooled(string host, ProxyRoute? route)
    {
        var settings = options.Value;
        var name = $"{settings.User}@{host}:{settings.Port}" + (route is null ? string.Empty : $" via region {route.RegionId}");
        return connections.GetOrAdd(name, _ => new PooledConnection(settings.MaxSessionsPerConnection));
    }

    private async Task<SshLink> DirectAsync(string host, CancellationToken cancellationToken) =>
        new(await ConnectAsync(host, host, options.Value.Port, cancellationToken), null);

    /// <summary>
    /// Tries the region's proxies in turn until one answers; the target's own failure through an answering proxy
    /// ends the attempt (another proxy of the region reaches the same network).
    /// </summary>
    private async Task<SshLink> ThroughAsync(string host, ProxyRoute route, CancellationToken cancellationToken)
    {
        if (route.Proxies.Count == 0)
        {
            throw new ProxyPathException($"region {route.RegionName} has no proxy");
        }

        var failures = new List<string>();
        foreach (var proxy in route.Proxies)
        {
            var pooledProxy = Pooled(proxy, null);
            ProxyTunnel tunnel;
            try
            {
                var jump = (await pooledProxy.ConnectedAsync(connect => DirectAsync(proxy, connect), cancellationToken)).Client;
                tunnel = ProxyTunnel.Open(jump, pooledProxy, host, options.Value.Port);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{proxy} {SshExecutor.ConnectFailure(error)}");
                continue;
            }

            try
            {
                return new SshLink(await ConnectAsync(host, "127.0.0.1", tunnel.LocalPort, cancellationToken), tunnel);
            }
            catch (Exception error) when (error is not HostKeyChangedException && !cancellationToken.IsCancellationRequested)
            {
                tunnel.Dispose();
                throw new ProxyPathException(ThroughFailure(error, host, proxy, route));
            }
            catch
            {
                tunnel.Dispose();
                throw;
            }
        }

        throw new ProxyPathException($"no proxy of region {route.RegionName} answered: {string.Join("; ", failures)}");
    }

    /// <summary>
    /// A proxy that cannot open its channel to the target (refused, unreachable) just closes it: SSH.NET then sees the
    /// tunnel close before the target's greeting, which is how that case is told from the target's own failures.
    /// </summary>
    private string ThroughFailure(Exception error, string host, string proxy, ProxyRoute route) =>
        error is SshConnectionException && error.Message.Contains("identification", StringComparison.Ordinal)
            ? $"connect fail: proxy {proxy} of region {route.RegionName} could not reach {host}:{options.Value.Port}"
            : $"{SshExecutor.ConnectFailure(error)} via proxy {proxy} of region {route.RegionName}";

    /// <param name="host">The host whose key is checked and pinned.</param>
    /// <param name="address">Where to dial it: the host itself, or a proxy tunnel's local end.</param>
    private async Task<SshClient> ConnectAsync(string host, string address, int port, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pinned = settings.HostKeyFingerprint is { Length: > 0 } ? null : await knownHosts.FindAsync(host, settings.Port, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var check = new HostKeyCheck(settings.HostKeyFingerprint, pinned);
            if (await HandshakeAsync(host, address, port, check, pinned, retryWhenSaturated: attempt == 1, cancellationToken) is { } client)
            {
                return await PinOnFirstUseAsync(host, client, check, cancellationToken);
            }
        }
    }

    private async Task<SshClient> PinOnFirstUseAsync(string host, SshClient client, HostKeyCheck check, CancellationToken cancellationToken)
    {
        try
        {
            if (check.FirstUse)
            {
                var now = await knownHosts.PinAsync(host, options.Value.Port, check.KeyType!, check.Presented!, cancellationToken);
                if (now.Fingerprint != check.Presented)
                {
                    throw await ChangedAsync(host, now.Fingerprint, check);
                }

                logger.LogInformation("Pinned the host key of {Host}: {KeyType} {Fingerprint}", host, check.KeyType, check.Presented);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// One handshake in its turn at the gate, timed from its start. Null when it timed out while other
    /// handshakes were finishing slowly and <paramref name="retryWhenSaturated"/>: the timeout was ours, not the host's.
    /// </summary>
    private async Task<SshClient?> HandshakeAsync(string host, string address, int port, HostKeyCheck check, HostKeyView? pinned, bool retryWhenSaturated, CancellationToken cancellationToken)
    {
        using var turn = await handshakes.EnterAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.ConnectTimeout);
        var client = CreateClient(host, address, port, check);
        try
        {
            await OffGrainScheduler.RunAsync(() => client.ConnectAsync(deadline.Token));
            turn.Completed();
            return client;
        }
        catch (Exception error) when (check.Changed && error is not OperationCanceledException)
        {
            client.Dispose();
            throw await ChangedAsync(host, pinned!.Fingerprint, check);
        }
        catch (Exception error) when (retryWhenSaturated && IsTimeout(error) && !cancellationToken.IsCancellationRequested && turn.SaturatedMeanwhile)
        {
            client.Dispose();
            logger.LogInformation("Handshake with {Host} timed out while the silo was saturated ({InFlight} in flight, limit {Limit}); trying once more", host, handshakes.InFlight, handshakes.Limit);
            return null;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static bool IsTimeout(Exception error) => error is OperationCanceledException or SshOperationTimeoutException;

    /// <summary>Notes the presented key for an admin and answers the host's failure.</summary>
    private async Task<HostKeyChangedException> ChangedAsync(string host, string recorded, HostKeyCheck check)
    {
        logger.LogWarning("Host key of {Host} changed: recorded {Recorded}, presented {Presented}", host, recorded, check.Presented);
        await knownHosts.NotePresentedAsync(host, options.Value.Port, check.KeyType!, check.Presented!);
        return new HostKeyChangedException(recorded, check.Presented!);
    }

    private SshClient CreateClient(string host, string address, int port, HostKeyCheck check)
    {
        var settings = options.Value;
        var info = new ConnectionInfo(address, port, settings.User, new PrivateKeyAuthenticationMethod(settings.User, key.Value))
        {
            Timeout = settings.ConnectTimeout,
            MaxSessions = settings.MaxSessionsPerConnection,
        };
        CipherPreference.Apply(info);
        if (settings.FastKeyExchange)
        {
            foreach (var name in info.KeyExchangeAlgorithms.Keys.Where(k => k != "curve25519-sha256").ToList())
            {
                info.KeyExchangeAlgorithms.Remove(name);
            }
        }

        var client = new SshClient(info);
        client.HostKeyReceived += (_, e) =>
        {
            e.CanTrust = check.Trust(e.HostKeyName, e.FingerPrintSHA256);
            if (!e.CanTrust && !check.Changed)
            {
                logger.LogWarning("Host key of {Host} ({Fingerprint}) does not match Ssh:HostKeyFingerprint", host, e.FingerPrintSHA256);
            }
        };
        return client;
    }

    /// <summary>A connected client, with the tunnel it goes through when it is reached through a proxy.</summary>
    internal sealed record SshLink(SshClient Client, ProxyTunnel? Tunnel) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Tunnel?.Dispose();
        }
    }

    /// <summary>A connection with its channel budget.</summary>
    public sealed class PooledConnection(int maxSessions) : IDisposable
    {
        private readonly SemaphoreSlim connectLock = new(1, 1);
        private SshLink? link;
        private int tunnels;

        public SemaphoreSlim Channels { get; } = new(maxSessions, maxSessions);

        public DateTime LastUsed { get; set; } = DateTime.UtcNow;

        public bool IsConnected => link?.Client.IsConnected == true;

        /// <summary>Tunnels to targets run over this connection (it is a proxy's): it stays open while they do.</summary>
        public bool CarriesTunnels => Volatile.Read(ref tunnels) > 0;

        public void TunnelOpened() => Interlocked.Increment(ref tunnels);

        public void TunnelClosed() => Interlocked.Decrement(ref tunnels);

        /// <param name="connect">Opens a new connected client (disposing it when it fails), within its own connect timeout.</param>
        internal async Task<SshLink> ConnectedAsync(Func<CancellationToken, Task<SshLink>> connect, CancellationToken cancellationToken)
        {
            LastUsed = DateTime.UtcNow;
            if (link is { Client.IsConnected: true } ready)
            {
                return ready;
            }

            await connectLock.WaitAsync(cancellationToken);
            try
            {
                if (link is { Client.IsConnected: true } raced)
                {
                    return raced;
                }

                link?.Dispose();
                link = null;
                link = await connect(cancellationToken);
                return link;
            }
            catch
            {
                link?.Dispose();
                link = null;
                throw;
            }
            finally
            {
                connectLock.Release();
            }
        }

        /// <summary>Drops a connection that failed mid-use so the next lease reconnects.</summary>
        public void Invalidate(SshClient broken)
        {
            if (link is { } current && ReferenceEquals(current.Client, broken) && !broken.IsConnected)
            {
                link = null;
                current.Dispose();
            }
        }

        public void Dispose()
        {
            link?.Dispose();
            link = null;
        }
    }

    /// <summary>One channel on a pooled connection; disposing gives the channel back.</summary>
    public sealed class ConnectionLease(SshClient client, PooledConnection owner) : IDisposable
    {
        public SshClient Client => client;

        public void Dispose()
        {
            owner.LastUsed = DateTime.UtcNow;
            owner.Invalidate(client);
            owner.Channels.Release();
        }
    }
}
