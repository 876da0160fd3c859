using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Api.Job;

/// <summary>Step references resolved against the tree node's node groups and the visible scripts.</summary>
public sealed class GrainStepReferences(IGrainFactory grains, long treeId) : IStepReferences
{
    public async Task<bool> NodeGroupExists(long id) => await grains.GetGrain<INodeGroupsGrain>(0).Get(treeId, id) is not null;

    public async Task<bool> ScriptExists(long id) => await grains.GetGrain<IScriptsGrain>(0).Get(treeId, id) is not null;
}
