namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>The job module's view of tree nodes: active or not (`openc3_job_project`), and whether their resources are released.</summary>
[Alias("openc3.IProjectGrain")]
public interface IProjectGrain : IGrainWithIntegerKey
{
    /// <summary>The stored status row; null when the node never had one (it is then active).</summary>
    Task<ProjectStatus?> Status(long treeId);

    Task SetStatus(long treeId, string status, string user);

    /// <summary>True when none of the nodes has an available crontab.</summary>
    Task<bool> Released(IReadOnlyList<long> treeIds);
}

[GenerateSerializer, Immutable, Alias("openc3.ProjectStatus")]
public sealed record ProjectStatus([property: Id(0)] long Id, [property: Id(1)] string Status, [property: Id(2)] string EditUser, [property: Id(3)] string EditTime);
