namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>May these service-tree nodes be released (`GET /release`)? Not while any of them still schedules jobs.</summary>
[Alias("openc3.IReleaseGrain")]
public interface IReleaseGrain : IGrainWithIntegerKey
{
    [Orleans.Concurrency.ReadOnly]
    Task<bool> CanRelease(IReadOnlyList<long> treeIds);
}
