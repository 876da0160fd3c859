namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Light apps: a job offered as a button (`openc3_job_smallapplication`).</summary>
[Alias("openc3.ISmallApplicationGrain")]
public interface ISmallApplicationGrain : IGrainWithIntegerKey
{
    /// <summary>Every app, or (with a tree id) the node's and the global ones (tree id 0).</summary>
    Task<IReadOnlyList<SmallApplication>> List(long? treeId);

    Task<SmallApplication?> Get(long id);

    /// <summary>The new id, or an error text when the job already has an app on that node.</summary>
    Task<SmallApplicationChange> Create(SmallApplicationInput input, string user);

    /// <summary>Null when updated, else an error text (no such app, or a duplicate).</summary>
    Task<string?> Update(long id, SmallApplicationInput input, string user);

    Task<bool> Delete(long id);
}

/// <summary>`jobid` and `treeid` are text on the wire, as upstream; project id and job name come from the job when it exists.</summary>
[GenerateSerializer, Immutable, Alias("openc3.SmallApplication")]
public sealed record SmallApplication(
    [property: Id(0)] long Id,
    [property: Id(1)] string JobId,
    [property: Id(2)] string Type,
    [property: Id(3)] string Title,
    [property: Id(4)] string Describe,
    [property: Id(5)] string Parameter,
    [property: Id(6)] string EditUser,
    [property: Id(7)] string CreateUser,
    [property: Id(8)] string EditTime,
    [property: Id(9)] string CreateTime,
    [property: Id(10)] string TreeId,
    [property: Id(11)] long? ProjectId,
    [property: Id(12)] string? JobName);

[GenerateSerializer, Immutable, Alias("openc3.SmallApplicationInput")]
public sealed record SmallApplicationInput(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Type,
    [property: Id(2)] string Title,
    [property: Id(3)] string Describe,
    [property: Id(4)] string Parameter,
    [property: Id(5)] string TreeId);

[GenerateSerializer, Immutable, Alias("openc3.SmallApplicationChange")]
public sealed record SmallApplicationChange([property: Id(0)] long? Id, [property: Id(1)] string? Error);
