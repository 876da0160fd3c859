using OpenC3.Grains.Abstractions.Catalog;

namespace OpenC3.Grains.Abstractions.Crontabs;

/// <summary>
/// The crontab catalog (`openc3_job_crontab`). A crontab belongs to the tree node of its job; every write
/// wakes the crontab's grain so the schedule follows at once.
/// </summary>
[Alias("openc3.ICrontabsGrain")]
public interface ICrontabsGrain : IGrainWithIntegerKey
{
    /// <summary>Crontabs of the node's jobs that are not deleted, by id.</summary>
    Task<IReadOnlyList<Crontab>> List(long treeId, CatalogFilter filter);

    /// <summary>Not deleted crontabs of the node's jobs per status.</summary>
    Task<CrontabCounts> Count(long treeId);

    Task<Crontab?> Get(long treeId, long id);

    /// <summary>A new crontab, `unavailable` as upstream (the caller checked that the job is one of the node).</summary>
    Task<CrontabChange> Create(CrontabDraft draft, string user);

    Task<CrontabChange> Update(long treeId, long id, CrontabDraft draft, string user);

    Task<CrontabChange> SetStatus(long treeId, long id, string status, string user);

    /// <summary>Soft-deletes the crontab (its name gets upstream's deletion suffix).</summary>
    Task<CrontabChange> Delete(long treeId, long id, string user);

    /// <summary>Ids of every available crontab: the silos wake their grains at start.</summary>
    Task<IReadOnlyList<long>> Available();
}

/// <param name="TimeZone">An IANA name, or empty for the server's zone.</param>
[GenerateSerializer, Immutable, Alias("openc3.CrontabDraft")]
public sealed record CrontabDraft(
    [property: Id(0)] string Name,
    [property: Id(1)] string JobUuid,
    [property: Id(2)] string Cron,
    [property: Id(3)] string Mutex,
    [property: Id(4)] string TimeZone);

[GenerateSerializer, Immutable, Alias("openc3.Crontab")]
public sealed record Crontab(
    [property: Id(0)] long Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string JobUuid,
    [property: Id(3)] string Cron,
    [property: Id(4)] string Mutex,
    [property: Id(5)] string TimeZone,
    [property: Id(6)] string Status,
    [property: Id(7)] Authorship Authorship);

[GenerateSerializer, Immutable, Alias("openc3.CrontabCounts")]
public sealed record CrontabCounts([property: Id(0)] int Available, [property: Id(1)] int Unavailable);

/// <summary>A write's outcome: the crontab's id and former name, or upstream's error text.</summary>
[GenerateSerializer, Immutable, Alias("openc3.CrontabChange")]
public sealed record CrontabChange([property: Id(0)] long Id, [property: Id(1)] string Name, [property: Id(2)] string? Error);
