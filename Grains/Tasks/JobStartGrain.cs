using OpenC3.Grains.Abstractions.Audit;
using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Common;
using OpenC3.Grains.Abstractions.Connector;
using OpenC3.Grains.Abstractions.Tasks;
using Orleans.Concurrency;

namespace OpenC3.Grains.Tasks;

/// <summary>
/// Every creator of a job run comes through here: the job, its steps and its variables are read once, next
/// to the catalog grains, and the task is started in the same call.
/// </summary>
[StatelessWorker]
[Reentrant]
[GrainType("job-start")]
public sealed class JobStartGrain : Grain, IJobStartGrain
{
    /// <summary>Upstream's guard against a runaway caller: its worker refuses a job's run while this many are unfinished.</summary>
    private const int MaxActiveRunsPerJob = 100;

    public async Task<JobStartResult> Start(JobStartRequest request)
    {
        var taskUuid = request.TaskUuid ?? Uuid.New();
        var jobs = GrainFactory.GetGrain<IJobsGrain>(0);
        var jobUuid = request.ByName ? await jobs.UuidOf(request.TreeId, request.Job) : request.Job;
        var job = jobUuid is null ? null : await jobs.Get(request.TreeId, jobUuid);
        if (job is null)
        {
            return new JobStartResult(JobStartOutcome.NoSuchJob, taskUuid);
        }

        var variables = await GrainFactory.GetGrain<IJobVariablesGrain>(0).List(request.TreeId, job.Uuid, new VariableQuery(false, [], null));
        if (request.CheckPoints && !await MayStartAsync(request, variables))
        {
            return new JobStartResult(JobStartOutcome.Unauthorized, taskUuid);
        }

        var snapshot = await TaskSnapshot.SnapshotAsync(GrainFactory, request, job, variables);
        if (snapshot.Definition is null)
        {
            return new JobStartResult(JobStartOutcome.Refused, taskUuid, snapshot.Error);
        }

        var task = GrainFactory.GetGrain<ITaskGrain>(taskUuid);
        // A caller's retry of a task that exists is answered as such, even when the job is at its limit of runs.
        if (request.TaskUuid is not null && await task.Definition() is { } existing)
        {
            return AlreadyExists(taskUuid, existing);
        }

        if (await GrainFactory.GetGrain<ITaskQueryGrain>(0).ActiveRuns(job.Uuid) >= MaxActiveRunsPerJob)
        {
            // A duplicate sent at the same time as the start it repeats may find that start's own row counted: asked
            // again, the task grain answers after that start (its calls never overlap), so the duplicate is not refused.
            return request.TaskUuid is not null && await task.Definition() is { } started
                ? AlreadyExists(taskUuid, started)
                : new JobStartResult(JobStartOutcome.Refused, taskUuid, "Too many waiting or running tasks");
        }

        if (request.Audited)
        {
            await GrainFactory.GetGrain<IAuditGrain>(0).Record(request.User, "RUN JOB", $"TREEID:{request.TreeId} JOB:{job.Name} TASK:{taskUuid}");
        }

        bool begun;
        // A uuid minted here names no stored task; a caller's own may.
        using (request.TaskUuid is null ? NewGrainHint.For(task.GetGrainId()) : default(NewGrainHint.Scope?))
        {
            begun = await task.Start(snapshot.Definition);
        }

        return begun ? new JobStartResult(JobStartOutcome.Started, taskUuid) : AlreadyExists(taskUuid, await task.Definition());
    }

    public Task<StepSnapshot> Snapshot(long treeId, JobStep step) => TaskSnapshot.SnapshotStepAsync(GrainFactory, treeId, step);

    private async Task<bool> MayStartAsync(JobStartRequest request, IReadOnlyList<JobVariable> variables) =>
        await GrainFactory.GetGrain<IAccessGrain>(0).Check(request.User, JobDelegation.IsDelegated(variables) ? JobPoints.Control : JobPoints.Write, request.TreeId) == true;

    private static JobStartResult AlreadyExists(string taskUuid, TaskDefinition? holder) =>
        new(JobStartOutcome.AlreadyExists, taskUuid, Existing: holder is null ? null : new TaskHolder(holder.ProjectId, holder.CallType, holder.JobUuid));
}
