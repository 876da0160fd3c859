using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Abstractions.Tasks;

/// <summary>
/// The one way from a job to a run: find the job, snapshot it, refuse past upstream's cap of unfinished runs
/// and start the task, in one call inside the silo. Key 0.
/// </summary>
[Alias("openc3.IJobStartGrain")]
public interface IJobStartGrain : IGrainWithIntegerKey
{
    Task<JobStartResult> Start(JobStartRequest request);

    /// <summary>One step as a run keeps it (node groups and cited scripts resolved), for the ad-hoc plugin starts.</summary>
    Task<StepSnapshot> Snapshot(long treeId, JobStep step);
}
