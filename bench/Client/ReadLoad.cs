using System.Collections.Concurrent;
using System.Diagnostics;

namespace OpenC3.Bench;

/// <summary>
/// Scenario 4: each read for `--seconds` from `--clients` concurrent clients over the seeded data (<see cref="Seeder"/>):
/// a node's task list from `time_start` (`--days` back), a node's job list, one task's detail.
/// </summary>
public static class ReadLoad
{
    public sealed record Reading(string Read, int Requests, double RequestsPerS, double P50Ms, double P99Ms, long MeanReplyBytes, int Failed);

    public static async Task<Reading[]> RunAsync(Options options)
    {
        using var api = new BenchApi(options);
        var nodes = options.Number("nodes", 100);
        var tasks = options.Number("tasks", 10_000);
        var since = DateTime.Now.AddDays(-options.Number("days", 3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var reads = new (string Name, Func<int, string> Path)[]
        {
            ("task list (time_start)", i => $"task/{i % nodes + 1}?time_start={since}"),
            ("job list", i => $"jobs/{i % nodes + 1}"),
            ("task detail", i => $"task/{i % tasks % nodes + 1}/{Seeder.TaskUuid(i % tasks)}"),
        };
        var results = new List<Reading>();
        foreach (var (name, path) in reads)
        {
            results.Add(await MeasureAsync(api, name, path, options.Number("clients", 8), TimeSpan.FromSeconds(options.Number("seconds", 10))));
        }

        return [.. results];
    }

    private static async Task<Reading> MeasureAsync(BenchApi api, string name, Func<int, string> path, int clients, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        long bytes = 0;
        var failed = 0;
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await api.Http.GetAsync(path(Interlocked.Increment(ref next)));
                var body = await response.Content.ReadAsByteArrayAsync();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Add(ref bytes, body.Length);
                if (!response.IsSuccessStatusCode || !body.AsSpan().StartsWith("{\"stat\":true"u8))
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var wall = clock.Elapsed.TotalSeconds;
        var spread = new Latencies(latencies);
        return new Reading(name, latencies.Count, Math.Round(latencies.Count / wall, 1), spread.Percentile(50), spread.Percentile(99), bytes / Math.Max(1, latencies.Count), failed);
    }
}
