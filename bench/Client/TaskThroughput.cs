using System.Collections.Concurrent;
using System.Diagnostics;

namespace OpenC3.Bench;

/// <summary>Scenario 3: `--count` single-host tasks (`true`, host i mod `--hosts`) from `--clients` concurrent clients, each submitting and polling to the end.</summary>
public static class TaskThroughput
{
    /// <summary>Tasks per second counts successes; failed counts tasks that did not end `success` or whose start or poll was refused (the first errors say why).</summary>
    /// <param name="ServerP50Ms">The product's own start-to-finish time (median); the rest of P50Ms is the start request and the polls.</param>
    public sealed record Result(int Tasks, int Clients, double WallS, double TasksPerS, double P50Ms, double P99Ms, double ServerP50Ms, int Failed, string[] FirstErrors);

    public static async Task<Result> RunAsync(Options options)
    {
        using var api = new BenchApi(options);
        var hosts = options.Text("hosts").Split(',');
        var user = options.Text("user");
        var count = options.Number("count", 1000);
        var clients = options.Number("clients", 50);
        var latencies = new ConcurrentBag<double>();
        var serverTimes = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var reply = await api.PostAsync("task/0/plugin_cmd", new
                    {
                        name = "bench", user, node_type = "builtin", node_cont = hosts[i % hosts.Length],
                        scripts_type = "shell", scripts_cont = "true", timeout = 60,
                    });
                    var task = await api.WaitFinishedAsync(reply.GetProperty("data").GetProperty("uuid").GetString()!, TimeSpan.FromMinutes(2));
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (task.ServerMs is { } server)
                    {
                        serverTimes.Add(server);
                    }

                    if (task.Status != "success")
                    {
                        errors.Enqueue($"task {task.Status}: {task.Reason}");
                    }
                }
                catch (Exception error) when (error is HttpRequestException or InvalidOperationException)
                {
                    errors.Enqueue(error.Message);
                }
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var spread = new Latencies(latencies);
        return new Result(count, clients, Math.Round(wall, 3), Math.Round((count - errors.Count) / wall, 2), spread.Percentile(50), spread.Percentile(99), serverTimes.IsEmpty ? 0 : new Latencies(serverTimes).Percentile(50), errors.Count, [.. errors.Distinct().Take(3)]);
    }
}
