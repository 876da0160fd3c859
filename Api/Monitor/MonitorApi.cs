using System.Globalization;
using OpenC3.Api.Infrastructure;
using OpenC3.Grains.Abstractions.Diagnostics;

namespace OpenC3.Api.Monitor;

/// <summary>
/// `/monitor/metrics/app|mysql`: the job module's self-monitoring in upstream's shapes. No login, as
/// upstream (its login hook exempts `^/mon`); they reveal counts only.
/// </summary>
public static class MonitorApi
{
    private static readonly string[] TaskStatuses = ["fail", "running", "success"];

    /// <summary>Upstream's keys; it spells the running one `runnigs`, and so does the reply (the count is of `running` steps).</summary>
    private static readonly (string Key, string Status)[] SubtaskStatuses =
        [("runnigs", "running"), ("fail", "fail"), ("success", "success"), ("decision", "decision"), ("ignore", "ignore"), ("next", "next")];

    private static readonly string[] ServerCounters =
        ["Com_select", "Com_insert", "Com_update", "Com_delete", "Slow_queries", "Threads_connected", "Innodb_buffer_pool_pages_total", "Innodb_buffer_pool_pages_free"];

    public static RouteGroupBuilder MapMonitorApi(this RouteGroupBuilder open)
    {
        open.MapGet("/monitor/metrics/app", AppMetrics).NoLogin("upstream's monitor scrape: counters only");
        open.MapGet("/monitor/metrics/mysql", DatabaseMetrics).NoLogin("upstream's monitor scrape: counters only");
        return open;
    }

    /// <summary>Totals are the sum of the listed statuses only, as upstream (waiting, refused and init tasks are not in `task_total`).</summary>
    private static async Task<IResult> AppMetrics(IGrainFactory grains)
    {
        var monitor = grains.GetGrain<IMonitorGrain>(0);
        var tasks = await monitor.TaskStatuses();
        var steps = await monitor.SubtaskStatuses();
        var data = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var status in TaskStatuses)
        {
            data[$"task_{status}"] = tasks.GetValueOrDefault(status);
        }

        foreach (var (key, status) in SubtaskStatuses)
        {
            data[$"subtask_{key}"] = steps.GetValueOrDefault(status);
        }

        data["task_total"] = TaskStatuses.Sum(s => data[$"task_{s}"]);
        data["subtask_total"] = SubtaskStatuses.Sum(s => data[$"subtask_{s.Key}"]);
        return Reply.Ok(data);
    }

    /// <summary>On the SQLite profile there is no database server to ask: `{stat:false, info:"…"}`, like upstream when a counter is missing.</summary>
    public static async Task<IResult> DatabaseMetrics(IGrainFactory grains)
    {
        var status = await grains.GetGrain<IMonitorGrain>(0).ServerStatus(ServerCounters);
        if (status is null)
        {
            return Reply.Fail("no mysql server: the storage is sqlite (embedded profile)");
        }

        if (ServerCounters.FirstOrDefault(name => !status.ContainsKey(name)) is { } missing)
        {
            return Reply.Fail($"nofind {missing}");
        }

        long Counter(string name) => long.Parse(status[name], CultureInfo.InvariantCulture);
        var pagesTotal = Counter("Innodb_buffer_pool_pages_total");
        return Reply.Ok(new
        {
            read = Counter("Com_select"),
            write = Counter("Com_insert") + Counter("Com_update") + Counter("Com_delete"),
            slow_queries = Counter("Slow_queries"),
            threads_connected = Counter("Threads_connected"),
            buffer_pool_use = pagesTotal == 0 ? 0 : 100 * (pagesTotal - Counter("Innodb_buffer_pool_pages_free")) / pagesTotal,
        });
    }
}
