namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>The machines of a tree node: its connector resources and its job node list.</summary>
[Alias("openc3.INodeInventoryGrain")]
public interface INodeInventoryGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<MachineInfo>> Machines(long treeId);
}

/// <summary>One machine of a tree node.</summary>
[GenerateSerializer, Immutable, Alias("openc3.MachineInfo")]
public sealed record MachineInfo([property: Id(0)] string Name, [property: Id(1)] string Type, [property: Id(2)] string InIp, [property: Id(3)] string ExIp);
