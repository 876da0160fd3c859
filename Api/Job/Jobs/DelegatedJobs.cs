using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>Whether a job is delegated (<see cref="JobDelegation"/>): the control point then suffices to steer its runs.</summary>
public static class DelegatedJobs
{
    public static async Task<bool> IsDelegatedAsync(IGrainFactory grains, long treeId, string jobUuid) =>
        JobDelegation.IsDelegated(await grains.GetGrain<IJobVariablesGrain>(0).List(treeId, jobUuid, new VariableQuery(false, [], null)));
}
