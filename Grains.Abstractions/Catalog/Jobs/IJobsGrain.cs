namespace OpenC3.Grains.Abstractions.Catalog;

/// <summary>Jobs of a tree node (`openc3_job_jobs`) with their steps and extracted variables.</summary>
[Alias("openc3.IJobsGrain")]
public interface IJobsGrain : IGrainWithIntegerKey
{
    /// <summary>Permanent jobs, newest first.</summary>
    Task<IReadOnlyList<JobSummary>> List(long treeId, CatalogFilter filter);

    Task<int> CountPermanent(long treeId);

    /// <summary>A permanent job of the node with its current steps in order; null when there is none.</summary>
    Task<JobDefinition?> Get(long treeId, string jobUuid);

    /// <summary>The uuid of the job called <paramref name="name"/> on the node, if any.</summary>
    Task<string?> UuidOf(long treeId, string name);

    /// <summary>A step by its uuid, also one an edit has replaced (running tasks resolve their snapshot this way).</summary>
    Task<JobStep?> Step(string pluginType, string stepUuid);

    Task<JobSaved> Create(long treeId, JobDraft draft, string user);

    Task<CatalogChange> Update(long treeId, string jobUuid, JobDraft draft, string user);

    /// <summary>Copies a job with its steps and variables; <see cref="JobSaved.Uuid"/> and error both null when the source does not exist.</summary>
    Task<JobSaved> Copy(JobCopy copy, string user);

    /// <summary>Soft-deletes a permanent job; returns its former name, or null when there was none.</summary>
    Task<string?> Delete(long treeId, string jobUuid, string user);

    Task<int> DeleteByName(long treeId, string name, string user);
}

[GenerateSerializer, Immutable, Alias("openc3.JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Name,
    [property: Id(3)] Authorship Authorship,
    [property: Id(4)] int StepCount,
    [property: Id(5)] bool HasEmptyVariable);

[GenerateSerializer, Immutable, Alias("openc3.JobDefinition")]
public sealed record JobDefinition(
    [property: Id(0)] long Id,
    [property: Id(1)] string Uuid,
    [property: Id(2)] string Name,
    [property: Id(3)] string Uuids,
    [property: Id(4)] string MonIds,
    [property: Id(5)] long MonStatus,
    [property: Id(6)] Authorship Authorship,
    [property: Id(7)] IReadOnlyList<JobStep> Steps);

/// <summary>What a client posts to create or edit a job; steps are validated and carry defaults.</summary>
[GenerateSerializer, Immutable, Alias("openc3.JobDraft")]
public sealed record JobDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] bool Permanent,
    [property: Id(2)] string MonIds,
    [property: Id(3)] long MonStatus,
    [property: Id(4)] IReadOnlyList<JobStep> Steps);

[GenerateSerializer, Immutable, Alias("openc3.JobCopy")]
public sealed record JobCopy(
    [property: Id(0)] long FromTreeId,
    [property: Id(1)] string FromName,
    [property: Id(2)] long ToTreeId,
    [property: Id(3)] string ToName);

[GenerateSerializer, Immutable, Alias("openc3.JobSaved")]
public sealed record JobSaved([property: Id(0)] string? Uuid, [property: Id(1)] string? Error);
