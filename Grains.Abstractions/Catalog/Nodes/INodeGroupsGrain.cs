namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Named host sets of a tree node (`openc3_job_nodegroup`) that steps reference by id.</summary>
[Alias("openc3.INodeGroupsGrain")]
public interface INodeGroupsGrain : IGrainWithIntegerKey
{
    /// <summary>Available groups of the node, newest first.</summary>
    Task<IReadOnlyList<NodeGroupSummary>> List(long treeId, CatalogFilter filter);

    /// <summary>An available group of the node with its params (JSON text).</summary>
    Task<NodeGroup?> Get(long treeId, long id);

    /// <summary>The hosts of an available group of the node; null when there is no such group.</summary>
    Task<IReadOnlyList<string>?> Nodes(long treeId, long id);

    Task<CatalogChange> Create(long treeId, NodeGroupDraft draft, string user);

    Task<CatalogChange> Update(long treeId, long id, NodeGroupDraft draft, string user);

    /// <summary>Soft-deletes an available group of the node; returns its former name, or null.</summary>
    Task<string?> Delete(long treeId, long id, string user);
}

/// <summary><paramref name="ParamsJson"/> is the `params` value as the client sent it, as JSON text.</summary>
[GenerateSerializer, Immutable, Alias("openc3.NodeGroupDraft")]
public sealed record NodeGroupDraft([property: Id(0)] string Name, [property: Id(1)] string Plugin, [property: Id(2)] string ParamsJson);

[GenerateSerializer, Immutable, Alias("openc3.NodeGroupSummary")]
public sealed record NodeGroupSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Plugin,
    [property: Id(3)] Authorship Authorship,
    [property: Id(4)] string JobName);

[GenerateSerializer, Immutable, Alias("openc3.NodeGroup")]
public sealed record NodeGroup(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Plugin,
    [property: Id(3)] string ParamsJson,
    [property: Id(4)] Authorship Authorship) : ICatalogItem;
