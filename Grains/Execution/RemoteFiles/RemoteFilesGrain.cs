using Microsoft.Extensions.Options;
using OpenC3.Grains.Abstractions.Execution;
using Orleans.Concurrency;

namespace OpenC3.Grains.Execution;

[StatelessWorker]
[GrainType("remotefiles")]
public sealed class RemoteFilesGrain(SshExecutor executor, IOptions<SshOptions> options) : Grain, IRemoteFilesGrain
{
    /// <summary>A listing or a removal is one short command; a host slower than this is reported, not waited for.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public async Task<RemoteListing> List(long treeId, string host, string directory, string runAs)
    {
        var result = await executor.RunAsync(new RemoteCommand(host, RemoteFileCommands.List(runAs, options.Value.User), directory, Limit, treeId));
        return result.Succeeded
            ? new RemoteListing(RemoteFileCommands.ParseListing(result.Output), null)
            : new RemoteListing([], Failure(result));
    }

    public async Task<string?> Unlink(long treeId, string host, string path, string runAs)
    {
        var result = await executor.RunAsync(new RemoteCommand(host, RemoteFileCommands.Unlink(runAs, options.Value.User), path, Limit, treeId));
        return result.Succeeded && result.Output.Length == 0 ? null : Failure(result);
    }

    private static string Failure(RemoteResult result) =>
        result.Reason ?? (result.Output.Trim().Length > 0 ? result.Output.Trim() : $"exit {result.ExitCode}");
}
