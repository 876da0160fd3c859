using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>A job whose `_authorization_` variable is `true` is delegated: the control point suffices to start and steer its runs.</summary>
public static class DelegatedJobs
{
    public static async Task<bool> IsDelegatedAsync(IGrainFactory grains, long treeId, string jobUuid) =>
        (await grains.GetGrain<IJobVariablesGrain>(0).List(treeId, jobUuid, new VariableQuery(false, [], null)))
            .Any(v => v.Name == "_authorization_" && v.Value == "true");
}
