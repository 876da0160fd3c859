using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Runs commands on hosts over pooled SSH connections, at most <see cref="SshOptions.MaxParallel"/> at
/// once. Every way a host can go wrong (unreachable, refused key, timeout, cancel) becomes a
/// <see cref="RemoteResult"/> with a readable reason, never an exception or a hang.
/// </summary>
public sealed class SshExecutor(SshConnectionPool pool, IOptions<SshOptions> options, ILogger<SshExecutor> logger)
{
    /// <summary>How long a stop line may take beyond its grace (connect, sudo, the last KILL).</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(15);

    /// <summary>How long a cut run may take to announce its session when the cut came before the announcement.</summary>
    private static readonly TimeSpan AnnouncementWait = TimeSpan.FromSeconds(5);

    /// <summary>How long the wrapper of a stopped run gets to remove its directory and end before its channel is closed.</summary>
    private static readonly TimeSpan WrapperGrace = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim parallel = new(options.Value.MaxParallel, options.Value.MaxParallel);

    /// <param name="onOutput">Receives output as it arrives (already capped), e.g. for the live log.</param>
    /// <param name="stop">For a script that announces its session (<see cref="ScriptCommand"/>): how to stop it when the run is cancelled or times out.</param>
    public async Task<RemoteResult> RunAsync(RemoteCommand command, Func<string, Task>? onOutput = null, RemoteStop? stop = null, CancellationToken cancellationToken = default)
    {
        using var slot = await SlotAsync(cancellationToken);
        if (slot is null)
        {
            return new RemoteResult(command.Host, null, string.Empty, "cancelled before start");
        }

        return await RunLeasedAsync(command, new OutputBuffer(options.Value.MaxOutputBytes), onOutput, stop, cancellationToken);
    }

    /// <summary>Runs <paramref name="stopLine"/> (e.g. <see cref="ScriptCommand.Stop"/>) on the host on a channel of its own; false when it could not.</summary>
    public async Task<bool> StopAsync(SshTarget target, string stopLine)
    {
        try
        {
            using var lease = await pool.LeaseAsync(target, CancellationToken.None);
            using var kill = lease.Client.CreateCommand(stopLine);
            using var limit = new CancellationTokenSource(StopLimit + options.Value.KillGrace);
            await kill.ExecuteAsync(limit.Token);
            return true;
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not stop the cut command on {Host}: {Reason}", target.Host, error.Message);
            return false;
        }
    }

    /// <summary>
    /// One of the <see cref="SshOptions.MaxParallel"/> slots for remote work (commands and copies share
    /// them); disposing it gives it back. Null when cancelled while waiting.
    /// </summary>
    public async Task<IDisposable?> SlotAsync(CancellationToken cancellationToken)
    {
        try
        {
            await parallel.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        return new Slot(parallel);
    }

    private async Task<RemoteResult> RunLeasedAsync(RemoteCommand command, OutputBuffer output, Func<string, Task>? onOutput, RemoteStop? stop, CancellationToken cancellationToken)
    {
        SshConnectionPool.ConnectionLease lease;
        try
        {
            lease = await pool.LeaseAsync(command.Target, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new RemoteResult(command.Host, null, string.Empty, ConnectFailure(error));
        }
        catch (OperationCanceledException)
        {
            return new RemoteResult(command.Host, null, string.Empty, "cancelled before start");
        }

        using (lease)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(command.Timeout);
            using var ssh = lease.Client.CreateCommand(command.CommandText);
            var announcement = new SessionAnnouncement(stop is null ? static _ => Task.CompletedTask : stop.OnStarted);
            Task? execution = null;
            try
            {
                // Not cancelled by the deadline itself: a cut run is stopped through its session first, its channel closed after.
                execution = ssh.ExecuteAsync(CancellationToken.None);
                if (command.Stdin is not null)
                {
                    await using var input = ssh.CreateInputStream();
                    await input.WriteAsync(Encoding.UTF8.GetBytes(command.Stdin), deadline.Token);
                }

                var stdout = PumpAsync(ssh.OutputStream, output, onOutput, announcement);
                var stderr = PumpAsync(ssh.ExtendedOutputStream, output, onOutput);
                await execution.WaitAsync(deadline.Token);
                await Task.WhenAll(stdout, stderr);
                return new RemoteResult(command.Host, ssh.ExitStatus ?? (ssh.ExitSignal is null ? null : 128), output.ToString(), ssh.ExitStatus is null ? $"terminated by signal {ssh.ExitSignal}" : null);
            }
            catch (OperationCanceledException)
            {
                await CutAsync(command.Target, ssh, execution, announcement, stop);
                var reason = cancellationToken.IsCancellationRequested ? "cancelled" : $"timeout after {command.Timeout.TotalSeconds:0} s";
                return new RemoteResult(command.Host, null, output.ToString(), reason);
            }
            catch (Exception error) when (error is SshException or SocketException or IOException or ObjectDisposedException)
            {
                return new RemoteResult(command.Host, null, output.ToString(), $"connection lost: {error.Message}");
            }
        }
    }

    /// <summary>
    /// A run cut short: closing its channel stops nothing on a host without a terminal, so its session is stopped
    /// (waiting briefly for the announcement when the cut came first), then the wrapper gets a moment to remove its
    /// directory before the channel is closed.
    /// </summary>
    private async Task CutAsync(SshTarget target, SshCommand ssh, Task? execution, SessionAnnouncement announcement, RemoteStop? stop)
    {
        if (stop is not null && await AnnouncedAsync(announcement) is { } session)
        {
            await StopAsync(target, stop.StopLine(session));
        }

        if (execution is not null && (stop is null || !await EndsWithinAsync(execution, WrapperGrace)))
        {
            ssh.CancelAsync();
        }
    }

    private static async Task<RemoteSession?> AnnouncedAsync(SessionAnnouncement announcement)
    {
        try
        {
            return await announcement.Session.WaitAsync(AnnouncementWait);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task<bool> EndsWithinAsync(Task execution, TimeSpan limit)
    {
        try
        {
            await execution.WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (Exception)
        {
            // Ended, with an error of its channel: nothing more to close.
            return true;
        }
    }

    /// <summary>Reads a command's stdout or stderr as text into <paramref name="output"/>, passing on what was kept.</summary>
    /// <param name="announcement">On stdout of a script: takes its session announcement out of the output.</param>
    internal static async Task PumpAsync(Stream stream, OutputBuffer output, Func<string, Task>? onOutput, SessionAnnouncement? announcement = null)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            var text = new string(buffer, 0, read);
            await KeepAsync(announcement is null ? text : await announcement.FilterAsync(text), output, onOutput);
        }

        if (announcement is not null)
        {
            await KeepAsync(announcement.End(), output, onOutput);
        }
    }

    private static async Task KeepAsync(string text, OutputBuffer output, Func<string, Task>? onOutput)
    {
        if (text.Length == 0)
        {
            return;
        }

        string kept;
        lock (output)
        {
            kept = output.Append(text);
        }

        if (kept.Length > 0 && onOutput is not null)
        {
            await onOutput(kept);
        }
    }

    internal static string ConnectFailure(Exception error) => error switch
    {
        HostKeyChangedException or ProxyPathException => error.Message,
        SshAuthenticationException auth => $"auth fail: {auth.Message}",
        SshConnectionException connection when connection.Message.Contains("host key", StringComparison.OrdinalIgnoreCase) => $"host key rejected: {connection.Message}",
        SocketException socket => $"connect fail: {socket.Message}",
        OperationCanceledException or SshOperationTimeoutException => "connect timeout",
        _ => $"connect fail: {error.Message}",
    };

    private sealed class Slot(SemaphoreSlim parallel) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                parallel.Release();
            }
        }
    }
}
