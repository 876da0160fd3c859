using Microsoft.Extensions.Logging;
using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Files;

/// <summary>
/// The job starter until the execution engine lands: a job token's upload cannot start its job
/// (`jobname` with `{version: &lt;file name&gt;}`) yet, so the start is logged and the upload still succeeds.
/// </summary>
public sealed partial class DeferredJobStarter(ILogger<DeferredJobStarter> logger) : IJobStarter
{
    public Task StartByName(long treeId, string jobName, IReadOnlyDictionary<string, string> variables, string user)
    {
        LogDeferred(treeId, jobName, user);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "job start deferred: execution engine not present (tree {TreeId}, job {JobName}, by {User})")]
    private partial void LogDeferred(long treeId, string jobName, string user);
}
