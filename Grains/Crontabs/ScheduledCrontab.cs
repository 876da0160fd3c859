using OpenC3.Grains.Abstractions.Crontabs;

namespace OpenC3.Grains.Crontabs;

/// <summary>What a crontab's grain reads before each decision: the crontab, its job's node and name, the node's status.</summary>
public sealed class ScheduledCrontab
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string JobUuid { get; set; } = string.Empty;

    public string Cron { get; set; } = string.Empty;

    public string Mutex { get; set; } = string.Empty;

    public string TimeZone { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string EditUser { get; set; } = string.Empty;

    /// <summary>The job's tree node; null when the job row is gone altogether.</summary>
    public long? ProjectId { get; set; }

    public string? JobName { get; set; }

    /// <summary>`active` unless the job module switched the node off (`openc3_job_project`).</summary>
    public string ProjectStatus { get; set; } = "active";

    /// <summary>Upstream schedules only available crontabs of jobs whose node is not inactive.</summary>
    public bool Schedulable => Status == CrontabStatus.Available && ProjectId is not null && ProjectStatus != "inactive";

    /// <summary>Whether a task (its node, calltype and job) is a run of this crontab rather than another task under the same uuid.</summary>
    public bool IsRun(long projectId, string callType, string jobUuid) => projectId == ProjectId && callType == "crontab" && jobUuid == JobUuid;
}
