using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OpenC3.Grains.Diagnostics;

/// <summary>
/// The product's own instruments (meter `OpenC3`), exported on `/metrics` with Orleans' and ASP.NET Core's.
/// Counters count events on the silo where they happen; a cluster's totals are the sum over its silos.
/// </summary>
public static class OpenC3Metrics
{
    public const string MeterName = "OpenC3";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> TasksStarted = Meter.CreateCounter<long>("openc3.tasks.started", "{task}", "Tasks started, by job type and call type");
    private static readonly Counter<long> TasksFinished = Meter.CreateCounter<long>("openc3.tasks.finished", "{task}", "Tasks that reached a final status, by status");
    private static readonly Counter<long> SubtasksFinished = Meter.CreateCounter<long>("openc3.subtasks.finished", "{step}", "Steps that finished or stopped for a decision, by step type and status");
    private static readonly Counter<long> HostsFinished = Meter.CreateCounter<long>("openc3.hosts.finished", "{host}", "Hosts of cmd steps that finished a run, by status");
    private static readonly Counter<long> ApprovalsDecided = Meter.CreateCounter<long>("openc3.approvals.decided", "{approval}", "Approval decisions, by opinion");
    private static readonly Counter<long> CronFires = Meter.CreateCounter<long>("openc3.cron.fires", "{fire}", "Crontab fire minutes, by outcome");
    private static readonly ConcurrentDictionary<object, Func<int>> SshPools = new();

    static OpenC3Metrics()
    {
        Meter.CreateObservableGauge("openc3.ssh.connections", () => SshPools.Values.Sum(open => open()), "{connection}", "Open pooled SSH connections on this silo");
    }

    public static void TaskStarted(string jobType, string callType) =>
        TasksStarted.Add(1, new("jobtype", jobType), new("calltype", callType));

    public static void TaskFinished(string status) => TasksFinished.Add(1, new KeyValuePair<string, object?>("status", status));

    public static void SubtaskFinished(string type, string status) => SubtasksFinished.Add(1, new("type", type), new("status", status));

    /// <summary>`success` when the host's command exited 0, else `fail` (non-zero exit, connect failure, timeout, kill).</summary>
    public static void HostFinished(bool success) => HostsFinished.Add(1, new KeyValuePair<string, object?>("status", success ? "success" : "fail"));

    /// <summary>An approver's recorded opinion: `agree` or `refuse`.</summary>
    public static void ApprovalDecided(string opinion) => ApprovalsDecided.Add(1, new KeyValuePair<string, object?>("opinion", opinion));

    /// <summary>`started`, `duplicate` (another tick or silo had started it), `refused` (the job could not start) or `missed` (the cluster was down).</summary>
    public static void CronFired(string outcome) => CronFires.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>An SSH connection pool whose open connections the gauge reports until <see cref="ForgetSshPool"/>.</summary>
    public static void TrackSshPool(object pool, Func<int> openConnections) => SshPools[pool] = openConnections;

    public static void ForgetSshPool(object pool) => SshPools.TryRemove(pool, out _);
}
