using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Grains.Execution;

/// <summary>An scp step on one destination host, as the step's user.</summary>
public sealed class CopyWork(ScpRelay relay, CopyPlan copy, string runAs, long treeId) : IHostWork
{
    public Task<RemoteResult> RunAsync(string host, TimeSpan timeout, Func<string, Task> onOutput, CancellationToken cancellationToken) =>
        relay.CopyAsync(copy, runAs, treeId, host, timeout, onOutput, cancellationToken);
}
