using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Runs commands on hosts over pooled SSH connections, at most <see cref="SshOptions.MaxParallel"/> at
/// once. Every way a host can go wrong (unreachable, refused key, timeout, cancel) becomes a
/// <see cref="RemoteResult"/> with a readable reason, never an exception or a hang.
/// </summary>
public sealed class SshExecutor(SshConnectionPool pool, IOptions<SshOptions> options, ILogger<SshExecutor> logger)
{
    private readonly SemaphoreSlim parallel = new(options.Value.MaxParallel, options.Value.MaxParallel);

    /// <param name="onOutput">Receives output as it arrives (already capped), e.g. for the live log.</param>
    /// <param name="onCancel">A command to run on a fresh channel when the run is cancelled or times out (e.g. <see cref="ScriptCommand.Kill"/>).</param>
    public async Task<RemoteResult> RunAsync(RemoteCommand command, Func<string, Task>? onOutput = null, string? onCancel = null, CancellationToken cancellationToken = default)
    {
        using var slot = await SlotAsync(cancellationToken);
        if (slot is null)
        {
            return new RemoteResult(command.Host, null, string.Empty, "cancelled before start");
        }

        return await RunLeasedAsync(command, new OutputBuffer(options.Value.MaxOutputBytes), onOutput, onCancel, cancellationToken);
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

    private async Task<RemoteResult> RunLeasedAsync(RemoteCommand command, OutputBuffer output, Func<string, Task>? onOutput, string? onCancel, CancellationToken cancellationToken)
    {
        SshConnectionPool.ConnectionLease lease;
        try
        {
            lease = await pool.LeaseAsync(command.Host, cancellationToken);
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
            try
            {
                var execution = ssh.ExecuteAsync(deadline.Token);
                if (command.Stdin is not null)
                {
                    await using var input = ssh.CreateInputStream();
                    await input.WriteAsync(Encoding.UTF8.GetBytes(command.Stdin), deadline.Token);
                }

                var stdout = PumpAsync(ssh.OutputStream, output, onOutput);
                var stderr = PumpAsync(ssh.ExtendedOutputStream, output, onOutput);
                await execution;
                await Task.WhenAll(stdout, stderr);
                return new RemoteResult(command.Host, ssh.ExitStatus ?? (ssh.ExitSignal is null ? null : 128), output.ToString(), ssh.ExitStatus is null ? $"terminated by signal {ssh.ExitSignal}" : null);
            }
            catch (OperationCanceledException)
            {
                await StopRemotelyAsync(command.Host, onCancel);
                var reason = cancellationToken.IsCancellationRequested ? "cancelled" : $"timeout after {command.Timeout.TotalSeconds:0} s";
                return new RemoteResult(command.Host, null, output.ToString(), reason);
            }
            catch (Exception error) when (error is SshException or SocketException or IOException or ObjectDisposedException)
            {
                return new RemoteResult(command.Host, null, output.ToString(), $"connection lost: {error.Message}");
            }
        }
    }

    /// <summary>Reads a command's stdout or stderr as text into <paramref name="output"/>, passing on what was kept.</summary>
    internal static async Task PumpAsync(Stream stream, OutputBuffer output, Func<string, Task>? onOutput)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            string kept;
            lock (output)
            {
                kept = output.Append(new string(buffer, 0, read));
            }

            if (kept.Length > 0 && onOutput is not null)
            {
                await onOutput(kept);
            }
        }
    }

    /// <summary>Closing the channel does not stop a remote process without a terminal: run the kill line on a new channel.</summary>
    private async Task StopRemotelyAsync(string host, string? onCancel)
    {
        if (onCancel is null)
        {
            return;
        }

        try
        {
            using var lease = await pool.LeaseAsync(host, CancellationToken.None);
            using var kill = lease.Client.CreateCommand(onCancel);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await kill.ExecuteAsync(limit.Token);
        }
        catch (Exception error)
        {
            logger.LogWarning("Could not stop the cancelled command on {Host}: {Reason}", host, error.Message);
        }
    }

    internal static string ConnectFailure(Exception error) => error switch
    {
        HostKeyChangedException changed => changed.Message,
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
