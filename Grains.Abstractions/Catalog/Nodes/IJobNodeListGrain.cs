namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Machines a tree node adds by hand to its connector resources (`openc3_job_nodelist`).</summary>
[Alias("openc3.IJobNodeListGrain")]
public interface IJobNodeListGrain : ITreeRowsGrain
{
    Task<IReadOnlyList<JobNode>> List(long treeId, JobNodeFilter filter);

    /// <summary>Adds a machine; an error text when the node already has one of that name.</summary>
    Task<string?> Add(long treeId, JobNodeInput node, string user);
}

[GenerateSerializer, Immutable, Alias("openc3.JobNode")]
public sealed record JobNode(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string InIp,
    [property: Id(3)] string ExIp,
    [property: Id(4)] string CreateUser,
    [property: Id(5)] string CreateTime);

[GenerateSerializer, Immutable, Alias("openc3.JobNodeInput")]
public sealed record JobNodeInput([property: Id(0)] string Name, [property: Id(1)] string InIp, [property: Id(2)] string ExIp);

/// <summary>Substrings of name and addresses, plus the audit-column filters.</summary>
[GenerateSerializer, Immutable, Alias("openc3.JobNodeFilter")]
public sealed record JobNodeFilter([property: Id(0)] string? Name, [property: Id(1)] string? InIp, [property: Id(2)] string? ExIp, [property: Id(3)] RowFilter Rows);
