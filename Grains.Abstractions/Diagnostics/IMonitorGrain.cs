namespace OpenC3.Grains.Abstractions.Diagnostics;

/// <summary>What `/monitor/metrics/*` report: task and step counts by status, and the database server's own counters.</summary>
[Alias("openc3.IMonitorGrain")]
public interface IMonitorGrain : IGrainWithIntegerKey
{
    /// <summary>Rows of `openc3_job_task` by status.</summary>
    Task<IReadOnlyDictionary<string, long>> TaskStatuses();

    /// <summary>Rows of `openc3_job_subtask` by status (steps not started yet have none and are left out).</summary>
    Task<IReadOnlyDictionary<string, long>> SubtaskStatuses();

    /// <summary>`SHOW GLOBAL STATUS` values of those names on the MySQL profile; null on SQLite, which has no server.</summary>
    Task<IReadOnlyDictionary<string, string>?> ServerStatus(IReadOnlyList<string> names);
}
