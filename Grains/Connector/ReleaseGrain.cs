using OpenC3.Grains.Abstractions.Catalog;
using OpenC3.Grains.Abstractions.Connector;
using Orleans.Concurrency;

namespace OpenC3.Grains.Connector;

/// <summary>The connector's release question goes to the job module, as upstream: a node with an available crontab stays.</summary>
[StatelessWorker]
[GrainType("release")]
public sealed class ReleaseGrain : Grain, IReleaseGrain
{
    public Task<bool> CanRelease(IReadOnlyList<long> treeIds) =>
        treeIds.Count == 0 ? Task.FromResult(true) : GrainFactory.GetGrain<IProjectGrain>(0).Released(treeIds);
}
