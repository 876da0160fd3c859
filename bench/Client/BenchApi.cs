using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenC3.Bench;

/// <summary>The product's `/api/job` as an application (`appname`/`appkey`) sees it.</summary>
public sealed partial class BenchApi : IDisposable
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient http;

    public BenchApi(Options options)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = new Uri(options.Text("base").TrimEnd('/') + "/api/job/"),
            Timeout = TimeSpan.FromMinutes(10),
        };
        http.DefaultRequestHeaders.Add("appname", options.Text("app", "bench"));
        http.DefaultRequestHeaders.Add("appkey", options.Text("key", "bench-key"));
    }

    public HttpClient Http => http;

    public async Task<JsonElement> PostAsync(string path, object body) => Checked(path, await ReadAsync(await http.PostAsJsonAsync(path, body)));

    public async Task<JsonElement> GetAsync(string path) => Checked(path, await ReadAsync(await http.GetAsync(path)));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
        }
    }

    /// <summary>Polls the task (each poll waits up to 10 s for its end; then 20 ms, doubling to 200 ms) until it ends or the deadline passes.</summary>
    public async Task<FinishedTask> WaitFinishedAsync(string taskUuid, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var pause = FirstPoll;
        while (true)
        {
            // `wait` holds the request until the task settles (ours); a build without it answers at once and the pauses poll.
            var task = (await GetAsync($"task/0/{taskUuid}?wait=10")).GetProperty("data");
            var status = task.GetProperty("status").GetString()!;
            if (status is "success" or "fail" || clock.Elapsed > limit)
            {
                return new FinishedTask(status, task.TryGetProperty("reason", out var reason) ? reason.ToString() : string.Empty, ServerMs(task));
            }

            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPoll.Ticks));
        }
    }

    public void Dispose() => http.Dispose();

    private static double? ServerMs(JsonElement task) =>
        Seconds(task, "starttimems") is { } start && Seconds(task, "finishtimems") is { } finish ? Math.Round((finish - start) * 1000, 1) : null;

    private static double? Seconds(JsonElement task, string name) =>
        task.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

    private static JsonElement Checked(string path, JsonElement reply) =>
        reply.TryGetProperty("stat", out var stat) && stat.ValueKind == JsonValueKind.False ? throw new InvalidOperationException($"{path}: {reply}") : reply;

    /// <summary>A finished task and how many of its hosts failed, read from its `reason` (`step N (...): F of M hosts failed: ...`).</summary>
    /// <param name="ServerMs">The product's own start-to-finish time of the task (`finishtimems - starttimems`), when both are set.</param>
    public sealed record FinishedTask(string Status, string Reason, double? ServerMs = null)
    {
        public int HostsFailed(int hosts) => Status == "success" ? 0 : FailedHosts().Match(Reason) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : hosts;
    }

    [GeneratedRegex(@"(\d+) of \d+ hosts? failed")]
    private static partial Regex FailedHosts();
}
