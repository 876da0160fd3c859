using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Execution;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Execution;

/// <summary>
/// One SSH connection per (host, port, login), shared by all steps of all tasks on this silo, with a
/// bounded number of channels each. Broken connections are replaced on next use; idle ones closed.
/// Each host's key is pinned on first use (<see cref="KnownHostStore"/>); a different key later fails the host.
/// Handshakes pass an adaptive gate (<see cref="HandshakeGate"/>) separate from the command slots, so a
/// wide cold step cannot start more than the silo can finish within the connect timeout.
/// </summary>
public sealed class SshConnectionPool : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, PooledConnection> connections = new(StringComparer.Ordinal);
    private readonly IOptions<SshOptions> options;
    private readonly KnownHostStore knownHosts;
    private readonly ILogger<SshConnectionPool> logger;
    private readonly Lazy<PrivateKeyFile> key;
    private readonly Timer janitor;
    private readonly HandshakeGate handshakes;

    public SshConnectionPool(IOptions<SshOptions> options, KnownHostStore knownHosts, ILogger<SshConnectionPool> logger)
    {
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

    /// <summary>Waits for a free channel on the host's connection, connecting first if needed.</summary>
    public async Task<ConnectionLease> LeaseAsync(string host, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pooled = connections.GetOrAdd($"{settings.User}@{host}:{settings.Port}", _ => new PooledConnection(settings.MaxSessionsPerConnection));
        await pooled.Channels.WaitAsync(cancellationToken);
        try
        {
            var client = await pooled.ConnectedClientAsync(connect => ConnectAsync(host, connect), cancellationToken);
            return new ConnectionLease(client, pooled);
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
            if (pooled.LastUsed < cutoff && pooled.Channels.CurrentCount == options.Value.MaxSessionsPerConnection && connections.TryRemove(name, out _))
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

    private async Task<SshClient> ConnectAsync(string host, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pinned = settings.HostKeyFingerprint is { Length: > 0 } ? null : await knownHosts.FindAsync(host, settings.Port, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var check = new HostKeyCheck(settings.HostKeyFingerprint, pinned);
            if (await HandshakeAsync(host, check, pinned, retryWhenSaturated: attempt == 1, cancellationToken) is { } client)
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
    private async Task<SshClient?> HandshakeAsync(string host, HostKeyCheck check, HostKeyView? pinned, bool retryWhenSaturated, CancellationToken cancellationToken)
    {
        using var turn = await handshakes.EnterAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.ConnectTimeout);
        var client = CreateClient(host, check);
        try
        {
            await client.ConnectAsync(deadline.Token);
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

    private SshClient CreateClient(string host, HostKeyCheck check)
    {
        var settings = options.Value;
        var info = new ConnectionInfo(host, settings.Port, settings.User, new PrivateKeyAuthenticationMethod(settings.User, key.Value))
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

    /// <summary>A connection with its channel budget.</summary>
    public sealed class PooledConnection(int maxSessions) : IDisposable
    {
        private readonly SemaphoreSlim connectLock = new(1, 1);
        private SshClient? client;

        public SemaphoreSlim Channels { get; } = new(maxSessions, maxSessions);

        public DateTime LastUsed { get; set; } = DateTime.UtcNow;

        public bool IsConnected => client?.IsConnected == true;

        /// <param name="connect">Opens a new connected client (disposing it when it fails), within its own connect timeout.</param>
        public async Task<SshClient> ConnectedClientAsync(Func<CancellationToken, Task<SshClient>> connect, CancellationToken cancellationToken)
        {
            LastUsed = DateTime.UtcNow;
            if (client is { IsConnected: true } ready)
            {
                return ready;
            }

            await connectLock.WaitAsync(cancellationToken);
            try
            {
                if (client is { IsConnected: true } raced)
                {
                    return raced;
                }

                client?.Dispose();
                client = null;
                client = await connect(cancellationToken);
                return client;
            }
            catch
            {
                client?.Dispose();
                client = null;
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
            if (ReferenceEquals(client, broken) && !broken.IsConnected)
            {
                client = null;
                broken.Dispose();
            }
        }

        public void Dispose()
        {
            client?.Dispose();
            client = null;
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
