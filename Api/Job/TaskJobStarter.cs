using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Tasks;
using OpenC3.Grains.Tasks;

namespace OpenC3.Api.Job;

/// <summary>Starts a job by name as an API call would (used by job tokens on upload); failures are logged, never thrown at the uploader.</summary>
public sealed class TaskJobStarter(IGrainFactory grains, ILogger<TaskJobStarter> logger) : IJobStarter
{
    public async Task StartByName(long treeId, string jobName, IReadOnlyDictionary<string, string> variables, string user)
    {
        var jobUuid = await grains.GetGrain<IJobsGrain>(0).UuidOf(treeId, jobName);
        var job = jobUuid is null ? null : await grains.GetGrain<IJobsGrain>(0).Get(treeId, jobUuid);
        if (job is null)
        {
            logger.LogWarning("Token upload on tree {TreeId}: job {Job} does not exist, nothing started", treeId, jobName);
            return;
        }

        var planned = await JobTaskPlanner.PlanAsync(grains, treeId, job, user, "api", variables);
        if (planned.Definition is null)
        {
            logger.LogWarning("Token upload on tree {TreeId}: job {Job} cannot start: {Reason}", treeId, jobName, planned.Error);
            return;
        }

        var taskUuid = Uuid.New();
        await grains.GetGrain<ITaskGrain>(taskUuid).Start(planned.Definition);
        logger.LogInformation("Token upload on tree {TreeId} started job {Job} as task {Task}", treeId, jobName, taskUuid);
    }
}
