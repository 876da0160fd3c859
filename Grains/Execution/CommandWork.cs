using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Execution;

/// <summary>A cmd step on one host: its script over SSH, killed remotely when cut short.</summary>
public sealed class CommandWork(SshExecutor executor, SubtaskStart start) : IHostWork
{
    public Task<RemoteResult> RunAsync(string host, TimeSpan timeout, Func<string, Task> onOutput, CancellationToken cancellationToken) =>
        executor.RunAsync(new RemoteCommand(host, start.CommandText, start.Stdin, timeout), onOutput, start.KillText, cancellationToken);
}
