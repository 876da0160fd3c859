namespace OpenC3.Grains.Execution;

/// <summary>What a step does on each of its hosts: run its command, or make its copy.</summary>
public interface IHostWork
{
    /// <param name="onOutput">Receives output as it arrives, for the live log.</param>
    Task<RemoteResult> RunAsync(string host, TimeSpan timeout, Func<string, Task> onOutput, CancellationToken cancellationToken);
}
