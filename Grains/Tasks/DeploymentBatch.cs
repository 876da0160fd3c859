namespace OpenC3.Grains.Tasks;

/// <summary>
/// The JOBX deployment batch a run belongs to: environment, action, this batch (from 1) and the number of batches.
/// This product has no JOBX module, so every run is upstream's stand-alone run: <see cref="Standalone"/>.
/// </summary>
public sealed record DeploymentBatch(string Deployenv, string Action, int Batch, int Groups)
{
    /// <summary>What upstream's `c3mc-jobx-task-info-bysubuuid` lookup yields for a task JOBX did not start.</summary>
    public static readonly DeploymentBatch Standalone = new("nofind", "nofind", 0, 0);
}
