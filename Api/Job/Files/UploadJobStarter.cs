using OpenC3.Grains.Abstractions.Tasks;

namespace OpenC3.Api.Job;

/// <summary>A job token's upload starts its job by name as an API call would; the outcome is logged, never thrown at the uploader.</summary>
public sealed class UploadJobStarter(IGrainFactory grains, ILogger<UploadJobStarter> logger)
{
    public async Task StartAsync(long treeId, string jobName, IReadOnlyDictionary<string, string> variables, string user)
    {
        var started = await grains.GetGrain<IJobStartGrain>(0).Start(new JobStartRequest(treeId, jobName, ByName: true, user, "api", variables, string.Empty));
        switch (started.Outcome)
        {
            case JobStartOutcome.Started:
                logger.LogInformation("Token upload on tree {TreeId} started job {Job} as task {Task}", treeId, jobName, started.TaskUuid);
                break;
            case JobStartOutcome.NoSuchJob:
                logger.LogWarning("Token upload on tree {TreeId}: job {Job} does not exist, nothing started", treeId, jobName);
                break;
            default:
                logger.LogWarning("Token upload on tree {TreeId}: job {Job} cannot start: {Reason}", treeId, jobName, started.Reason ?? started.Outcome.ToString());
                break;
        }
    }
}
