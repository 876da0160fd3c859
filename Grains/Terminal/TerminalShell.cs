using System.Text;
using OpenC3.Grains.Execution;
using Renci.SshNet;

namespace OpenC3.Grains.Terminal;

/// <summary>
/// An interactive shell with a PTY on one host, on a channel of the host's pooled connection (so host key pinning,
/// and the route the execution engine takes to the host, apply as to any command). Its output is read on a
/// background task and handed to the session; the session hears once when the shell ends.
/// </summary>
public sealed class TerminalShell : IAsyncDisposable
{
    private const string TerminalType = "xterm-256color";
    private const int BufferSize = 16 * 1024;

    private readonly SshConnectionPool.ConnectionLease lease;
    private readonly ShellStream stream;
    private readonly CancellationTokenSource stop = new();
    private readonly Task reader;

    private TerminalShell(string host, SshConnectionPool.ConnectionLease lease, ShellStream stream, Action<string, string> onOutput, Action onEnd)
    {
        Host = host;
        this.lease = lease;
        this.stream = stream;
        reader = Task.Run(() => ReadAsync(onOutput, onEnd));
    }

    public string Host { get; }

    /// <param name="sudoPrefix">`sudo -n -u &lt;user&gt; ` to become another account (a validated name), or empty for the SSH login.</param>
    public static async Task<TerminalShell> OpenAsync(SshConnectionPool pool, SshTarget target, string sudoPrefix, int columns, int rows, Action<string, string> onOutput, Action onEnd, CancellationToken cancellationToken)
    {
        var lease = await pool.LeaseAsync(target, cancellationToken);
        try
        {
            var stream = lease.Client.CreateShellStream(TerminalType, (uint)columns, (uint)rows, 0, 0, BufferSize);
            if (sudoPrefix.Length > 0)
            {
                stream.WriteLine($"exec {sudoPrefix}-i");
            }

            return new TerminalShell(target.Host, lease, stream, onOutput, onEnd);
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Write(string keys) => WhileOpen(() =>
    {
        stream.Write(keys);
        stream.Flush();
    });

    public void Resize(int columns, int rows) => WhileOpen(() => stream.ChangeWindowSize((uint)columns, (uint)rows, 0, 0));

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stream.Dispose();
        await reader;
        lease.Dispose();
        stop.Dispose();
    }

    /// <summary>Keys typed after the shell ended (before the page heard of it) go nowhere: the end is reported by the reader.</summary>
    private void WhileOpen(Action action)
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            action();
        }
        catch (Exception error) when (error is ObjectDisposedException or IOException or Renci.SshNet.Common.SshException)
        {
            // The channel is gone; see above.
        }
    }

    private async Task ReadAsync(Action<string, string> onOutput, Action onEnd)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[BufferSize];
        var characters = new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(bytes, stop.Token)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, characters, 0);
                onOutput(Host, new string(characters, 0, count));
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or IOException or Renci.SshNet.Common.SshException)
        {
            // Closed by us or by the connection: the end is reported below either way.
        }
        finally
        {
            onEnd();
        }
    }
}
