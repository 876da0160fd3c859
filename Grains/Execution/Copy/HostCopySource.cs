using System.Text;
using Renci.SshNet;

namespace OpenC3.Grains.Execution;

/// <summary>
/// A path on a source host, read through <see cref="ScpCommands.Source"/>. The command's output only
/// flows as far as this side has granted (one newline on its stdin per chunk), so at most
/// <see cref="Credits"/> chunks wait in SSH.NET's receive buffer however slow the destination is.
/// </summary>
public sealed class HostCopySource : CopySource
{
    private const int Credits = 2;
    private static readonly byte[] Token = "\n"u8.ToArray();

    private readonly SshConnectionPool.ConnectionLease lease;
    private readonly SshCommand command;
    private readonly Task execution;
    private readonly Stream grants;
    private readonly Task errors;
    private readonly OutputBuffer errorText = new(16 * 1024);
    private readonly string host;
    private long consumed;
    private long granted;

    private HostCopySource(string host, string path, SshConnectionPool.ConnectionLease lease, string commandText, CancellationToken cancellationToken)
        : base($"{host}:{path}", CopyHeader.File(0))
    {
        this.host = host;
        this.lease = lease;
        command = lease.Client.CreateCommand(commandText);
        execution = command.ExecuteAsync(cancellationToken);
        grants = command.CreateInputStream();
        errors = SshExecutor.PumpAsync(command.ExtendedOutputStream, errorText, null);
        Grant();
    }

    /// <summary>Opens the first source host that sends a header; the reasons of all that did not, if none did.</summary>
    public static async Task<HostCopySource> OpenFirstAsync(SshConnectionPool pool, long treeId, IReadOnlyList<string> hosts, string path, string commandText, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var host in hosts)
        {
            SshConnectionPool.ConnectionLease lease;
            try
            {
                lease = await pool.LeaseAsync(new SshTarget(host, treeId), cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add($"source {host}: {SshExecutor.ConnectFailure(error)}");
                continue;
            }

            HostCopySource source;
            try
            {
                source = new HostCopySource(host, path, lease, commandText, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                lease.Dispose();
                failures.Add($"source {host}: connection lost: {error.Message}");
                continue;
            }

            if (await Task.Run(source.ReadHeader, CancellationToken.None) is { } header)
            {
                source.Header = header;
                return source;
            }

            using (source)
            {
                cancellationToken.ThrowIfCancellationRequested();
                failures.Add(await source.FinishAsync() ?? $"source {host}: sent no header");
            }
        }

        throw new CopySourceException(string.Join("; ", failures));
    }

    public override int Read(byte[] buffer, int count)
    {
        var read = command.OutputStream.Read(buffer, 0, count);
        consumed += read;
        Grant();
        return read;
    }

    public override async Task<string?> FinishAsync()
    {
        try
        {
            await execution;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return $"source {host}: connection lost: {error.Message}";
        }

        await errors;
        var text = errorText.ToString();
        var marker = text.LastIndexOf(ScpCommands.ExitMarker, StringComparison.Ordinal);
        var exit = marker < 0 ? null : text[(marker + ScpCommands.ExitMarker.Length)..].Trim();
        var said = (marker < 0 ? text : text[..marker]).Trim();
        return exit == "0" ? null : $"source {host}: {(said.Length > 0 ? said : $"exit {exit ?? "unknown"}")}";
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            grants.Dispose();
            command.Dispose();
            lease.Dispose();
        }
    }

    /// <summary>The first line, byte by byte so nothing after it is consumed; null when the source sent none.</summary>
    private CopyHeader? ReadHeader()
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (line.Length <= CopyHeader.MaxLength && Read(one, 1) == 1)
        {
            if (one[0] == '\n')
            {
                return CopyHeader.Parse(line.ToString());
            }

            line.Append((char)one[0]);
        }

        return null;
    }

    /// <summary>Keeps <see cref="Credits"/> chunks granted beyond what was read. A source that already ended ignores them.</summary>
    private void Grant()
    {
        var due = Credits + (consumed / ScpCommands.ChunkBytes);
        try
        {
            for (; granted < due; granted++)
            {
                grants.Write(Token, 0, Token.Length);
            }
        }
        catch (Exception error) when (error is ObjectDisposedException or InvalidOperationException or Renci.SshNet.Common.SshException)
        {
            granted = due;
        }
    }
}
