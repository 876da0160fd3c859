namespace OpenC3.Grains.Abstractions.Connector;

/// <summary>The built-in connector's resources: hosts attached to service-tree nodes (`openc3_connector_nodelist`).</summary>
[Alias("openc3.INodeListGrain")]
public interface INodeListGrain : IGrainWithIntegerKey
{
    /// <summary>Available hosts of the node, oldest first.</summary>
    Task<IReadOnlyList<NodeEntry>> List(long treeId);

    /// <summary>Adds an IPv4 host (type `idc`); error text when the node already has it.</summary>
    Task<string?> Add(long treeId, string ip, string user);

    /// <summary>Soft-deletes a host of the node; false when the node has no such available host.</summary>
    Task<bool> Delete(long treeId, long id, string user);
}

[GenerateSerializer, Immutable, Alias("openc3.NodeEntry")]
public sealed record NodeEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Inip,
    [property: Id(3)] string Exip,
    [property: Id(4)] string Type,
    [property: Id(5)] string CreateUser,
    [property: Id(6)] string CreateTime);
