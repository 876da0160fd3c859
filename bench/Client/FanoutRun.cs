using System.Diagnostics;

namespace OpenC3.Bench;

/// <summary>Scenarios 1 and 2: one task (`true` on `--hosts`, or the job `--job`), from the start request until it ends.</summary>
public static class FanoutRun
{
    public sealed record Result(double WallS, string Status, int Hosts, int HostsFailed, string Reason);

    public static async Task<Result> RunAsync(Options options)
    {
        using var api = new BenchApi(options);
        var hosts = options.Text("hosts").Split(',');
        var clock = Stopwatch.StartNew();
        var reply = options.Text("job", string.Empty) is { Length: > 0 } job
            ? await api.PostAsync("task/0/job", new { jobuuid = job })
            : await api.PostAsync("task/0/plugin_cmd", new
            {
                name = "bench", user = options.Text("user"), node_type = "builtin", node_cont = string.Join(',', hosts),
                scripts_type = "shell", scripts_cont = "true", timeout = 600,
            });
        var uuid = reply.TryGetProperty("uuid", out var top) ? top.GetString()! : reply.GetProperty("data").GetProperty("uuid").GetString()!;
        var task = await api.WaitFinishedAsync(uuid, TimeSpan.FromMinutes(10));
        return new Result(Math.Round(clock.Elapsed.TotalSeconds, 3), task.Status, hosts.Length, task.HostsFailed(hosts.Length), task.Reason);
    }
}
