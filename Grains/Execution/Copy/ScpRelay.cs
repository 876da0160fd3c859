using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Files;
using OpenC3.Grains.Abstractions.Tasks;
using Renci.SshNet.Common;

namespace OpenC3.Grains.Execution;

/// <summary>
/// Copies an scp step's source to one destination host through the silo: the source (a file server
/// blob, or a source host's file or directory) is read in bounded pieces and written into the
/// destination's command as it arrives, so a copy of any size needs only a few MB here. Each
/// destination reads the source again. Like <see cref="SshExecutor"/>, every failure becomes a
/// <see cref="RemoteResult"/> with a readable reason, and a copy counts as one of the silo's slots. A copy into
/// the file server has no destination host: <see cref="FileServerIntake"/> stores the source's file.
/// </summary>
public sealed class ScpRelay(SshExecutor executor, SshConnectionPool pool, FileServerIntake intake, IOptions<SshOptions> ssh, IOptions<FileServerOptions> files)
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>How long a destination may take to finish after the last byte, beyond the step's timeout, when it was cut short.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <param name="treeId">The node the step runs on: its subnets choose the path to the source and destination hosts.</param>
    public async Task<RemoteResult> CopyAsync(CopyPlan plan, string runAs, long treeId, string host, TimeSpan timeout, Func<string, Task> onOutput, CancellationToken cancellationToken)
    {
        using var slot = await executor.SlotAsync(cancellationToken);
        if (slot is null)
        {
            return new RemoteResult(host, null, string.Empty, "cancelled before start");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using CopySource source = plan.FromFileServer
                ? StoredFileSource.Open(new FileBlobStore(files.Value), plan.SourcePath, plan.FileBlobName!)
                : await HostCopySource.OpenFirstAsync(pool, treeId, plan.SourceHosts, plan.SourcePath, ScpCommands.Source(plan.SourcePath, runAs, ssh.Value.User), deadline.Token);
            return plan.ToFileServer is { } destination
                ? await intake.StoreAsync(source, destination, onOutput, deadline.Token)
                : await DeliverAsync(source, plan, runAs, new SshTarget(host, treeId), onOutput, deadline.Token);
        }
        catch (CopySourceException error)
        {
            return new RemoteResult(host, null, string.Empty, error.Message);
        }
        catch (OperationCanceledException)
        {
            return new RemoteResult(host, null, string.Empty, cancellationToken.IsCancellationRequested ? "cancelled" : $"timeout after {timeout.TotalSeconds:0} s");
        }
        catch (ArgumentException error)
        {
            return new RemoteResult(host, null, string.Empty, error.Message);
        }
    }

    private async Task<RemoteResult> DeliverAsync(CopySource source, CopyPlan plan, string runAs, SshTarget target, Func<string, Task> onOutput, CancellationToken cancellationToken)
    {
        var host = target.Host;
        var login = ssh.Value.User;
        var commandText = source.Header.Directory
            ? ScpCommands.DirectoryTarget(plan.TargetPath, plan.Mirror, plan.Chown, plan.Chmod, runAs, login)
            : ScpCommands.FileTarget(plan.TargetPath, Path.GetFileName(plan.SourcePath.TrimEnd('/')), source.Header, plan.Chown, plan.Chmod, runAs, login);
        SshConnectionPool.ConnectionLease lease;
        try
        {
            lease = await pool.LeaseAsync(target, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return new RemoteResult(host, null, string.Empty, SshExecutor.ConnectFailure(error));
        }

        using (lease)
        {
            using var command = lease.Client.CreateCommand(commandText);
            var output = new OutputBuffer(ssh.Value.MaxOutputBytes);
            try
            {
                // Not cancellable by the token: cut short, the destination sees the end of its input, finds the copy
                // incomplete and removes its temp file itself.
                var execution = command.ExecuteAsync(CancellationToken.None);
                var stdout = SshExecutor.PumpAsync(command.OutputStream, output, onOutput);
                var stderr = SshExecutor.PumpAsync(command.ExtendedOutputStream, output, onOutput);
                (long Sent, bool Drained) pumped;
                using (var input = command.CreateInputStream())
                {
                    pumped = await Task.Factory.StartNew(() => Pump(source, input, execution, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                }

                // A source left unread (the destination gave up, or the deadline passed) is stopped when disposed, not awaited.
                var sourceFailure = pumped.Drained ? await SourceFailureAsync(source) : null;
                if (!await FinishedAsync(execution, cancellationToken))
                {
                    // TERM, never KILL: the destination traps it and removes its temp file.
                    command.CancelAsync(forceKill: false);
                }

                await Task.WhenAll(stdout, stderr);
                cancellationToken.ThrowIfCancellationRequested();
                if (sourceFailure is not null)
                {
                    return new RemoteResult(host, null, output.ToString(), sourceFailure);
                }

                var exit = command.ExitStatus;
                var summary = exit == 0 ? $"copied {source.Label} to {plan.TargetPath} ({pumped.Sent} bytes)\n" : string.Empty;
                if (summary.Length > 0)
                {
                    await onOutput(summary);
                }

                return new RemoteResult(host, exit, output + summary, exit is null ? $"terminated by signal {command.ExitSignal}" : null);
            }
            catch (Exception error) when (error is SshException or SocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                return new RemoteResult(host, null, output.ToString(), $"connection lost: {error.Message}");
            }
        }
    }

    /// <summary>
    /// Source → destination on a thread of its own (SSH.NET's streams block), one buffer at a time.
    /// Drained: the source was read to its end.
    /// </summary>
    private static (long Sent, bool Drained) Pump(CopySource source, Stream input, Task destination, CancellationToken cancellationToken)
    {
        // Pooled: a fresh buffer per destination host would be large-object garbage, collected only by full collections.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            var header = source.Header;
            long sent = 0;
            while (!cancellationToken.IsCancellationRequested && !destination.IsCompleted)
            {
                var count = header.Directory ? BufferBytes : (int)Math.Min(BufferBytes, header.Size - sent);
                var read = count == 0 ? 0 : source.Read(buffer, count);
                if (read == 0)
                {
                    return (sent, true);
                }

                input.Write(buffer, 0, read);
                sent += read;
            }

            return (sent, false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Why the source failed, or null. A source cut by the deadline ended early too (its end looks drained): the
    /// destination must still be waited for, so it can find its copy incomplete and remove its temp file.
    /// </summary>
    private static async Task<string?> SourceFailureAsync(CopySource source)
    {
        try
        {
            return await source.FinishAsync();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Waits for the destination; once the deadline passed, a short grace for it to see the end of its input and clean up.</summary>
    private static async Task<bool> FinishedAsync(Task execution, CancellationToken cancellationToken)
    {
        try
        {
            await execution.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            // The deadline: fall through to the grace period.
        }

        try
        {
            await execution.WaitAsync(Grace, CancellationToken.None);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
