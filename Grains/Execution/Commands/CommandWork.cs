using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Execution;

/// <summary>A cmd step on one host: its script over SSH, its session reported when it starts and stopped when cut short.</summary>
/// <param name="onStarted">Receives each host's announced session, to be kept with the step.</param>
public sealed class CommandWork(SshExecutor executor, SubtaskStart start, string login, TimeSpan killGrace, Func<string, RemoteSession, Task> onStarted) : IHostWork
{
    public Task<RemoteResult> RunAsync(string host, TimeSpan timeout, Func<string, Task> onOutput, CancellationToken cancellationToken) =>
        executor.RunAsync(
            new RemoteCommand(host, start.CommandText, start.Stdin, timeout, start.ProjectId),
            onOutput,
            new RemoteStop(session => ScriptCommand.Stop(start.Step.User, login, session, killGrace), session => onStarted(host, session)),
            cancellationToken);
}
