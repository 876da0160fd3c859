using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Terminal;
using OpenC3.Grains.Execution;
using Orleans.Concurrency;

namespace OpenC3.Grains.Terminal;

/// <summary>
/// A web terminal session on this silo (see <see cref="ITerminalGrain"/>). Reentrant: a read waiting for output
/// must not hold up keystrokes. An API host that went away stops reading; the session then closes itself.
/// </summary>
[Reentrant]
[GrainType("terminal")]
public sealed class TerminalGrain(SshConnectionPool pool, IOptions<SshOptions> ssh, ILogger<TerminalGrain> logger) : Grain, ITerminalGrain
{
    private const int MaxPending = 1024 * 1024;
    private const int MaxRead = 64 * 1024;

    /// <summary>The API host reads at least every few seconds while its browser is connected.</summary>
    private static readonly TimeSpan Orphaned = TimeSpan.FromMinutes(2);

    /// <summary>What a read finds when the silo that held the session restarted: a fresh activation without shells.</summary>
    private static readonly TerminalOutput Lost = new("\r\n[the session was lost: its silo restarted]\r\n", Ended: true);

    private readonly TerminalScreen screen = new(MaxPending, MaxRead);
    private readonly CommandLineBuffer line = new();
    private readonly HostLabels labels = new();
    private readonly Lock labelGate = new();
    private List<TerminalShell> shells = [];
    private TerminalRequest? session;
    private int running;
    private DateTime lastRead = DateTime.UtcNow;

    public async Task Open(TerminalRequest request)
    {
        if (session is not null)
        {
            return;
        }

        session = request;
        this.RegisterGrainTimer(CloseWhenOrphanedAsync, new GrainTimerCreationOptions(Orphaned, Orphaned) { Interleave = true });
        var sudo = ScriptCommand.SudoPrefix(request.Account ?? string.Empty, ssh.Value.User);
        running = request.Hosts.Count;
        var opened = await Task.WhenAll(request.Hosts.Select(host => OpenShellAsync(host, sudo, request)));
        shells = opened.OfType<TerminalShell>().ToList();
    }

    public Task Input(string keys)
    {
        foreach (var shell in shells)
        {
            shell.Write(keys);
        }

        return RecordAsync(line.Feed(keys));
    }

    public Task Resize(int columns, int rows)
    {
        foreach (var shell in shells)
        {
            shell.Resize(columns, rows);
        }

        return Task.CompletedTask;
    }

    public Task<TerminalOutput> Read(TimeSpan wait)
    {
        lastRead = DateTime.UtcNow;
        return session is null ? Task.FromResult(Lost) : screen.ReadAsync(wait);
    }

    public async Task Close()
    {
        var closing = shells;
        shells = [];
        foreach (var shell in closing)
        {
            await shell.DisposeAsync();
        }

        screen.End();
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Close();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task<TerminalShell?> OpenShellAsync(string host, string sudo, TerminalRequest request)
    {
        try
        {
            using var limit = new CancellationTokenSource(ssh.Value.ConnectTimeout * 2);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var shell = await TerminalShell.OpenAsync(pool, new SshTarget(host, request.TreeId), sudo, request.Columns, request.Rows, Show, ShellEnded, limit.Token);
            logger.LogInformation("Terminal of {User} opened a shell on {Host} in {Milliseconds} ms", request.User, host, clock.ElapsedMilliseconds);
            return shell;
        }
        catch (Exception error)
        {
            logger.LogInformation("Terminal of {User} could not open a shell on {Host}: {Reason}", request.User, host, error.Message);
            Show(host, $"{SshExecutor.ConnectFailure(error)}\r\n");
            ShellEnded();
            return null;
        }
    }

    private void Show(string host, string text)
    {
        if (session?.Labelled != true)
        {
            screen.Write(text);
            return;
        }

        lock (labelGate)
        {
            screen.Write(labels.Label(host, text));
        }
    }

    private void ShellEnded()
    {
        if (Interlocked.Decrement(ref running) == 0)
        {
            screen.End();
        }
    }

    private async Task RecordAsync(IReadOnlyList<string> commands)
    {
        if (commands.Count == 0 || session is null)
        {
            return;
        }

        var log = GrainFactory.GetGrain<ICommandLogGrain>(0);
        var usr = session.Account ?? ssh.Value.User;
        foreach (var command in commands)
        {
            await log.Record(new CommandLogEntry(session.TreeId, session.User, string.Join(',', session.Hosts), usr, command));
        }
    }

    private Task CloseWhenOrphanedAsync() => DateTime.UtcNow - lastRead > Orphaned ? Close() : Task.CompletedTask;
}
