using System.Globalization;
using System.Text.RegularExpressions;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>In a cluster the silos run the work, so each serves its own Prometheus metrics; the client-mode API host serves its HTTP metrics.</summary>
public sealed partial class SiloMetricsTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    [Fact]
    public async Task TasksRunOnTheSilos_AreCountedOnTheSilosOwnMetricsEndpoints()
    {
        using var app = cluster.App();
        var started = await app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "silo-metrics", user = TestServers.SshUser, node_type = "builtin", node_cont = TestServers.SshHosts[0],
            scripts_type = "shell", scripts_cont = "echo counted", timeout = 60,
        });
        Assert.True(started.GetProperty("stat").GetBoolean(), started.ToString());
        var uuid = started.GetProperty("data").GetProperty("uuid").GetString()!;
        await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data").GetProperty("status").GetString(),
            status => status == "success",
            TimeSpan.FromSeconds(90),
            $"task {uuid} to succeed");

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var silos = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => http.GetStringAsync(cluster.SiloMetricsUrl(i))));
        Assert.All(silos, text => Assert.Matches("(?m)^orleans_", text));
        Assert.Equal(1, silos.Sum(text => Count(text, "openc3_tasks_finished_total", "success")));
        Assert.True(silos.Sum(text => Count(text, "openc3_hosts_finished_total", "success")) >= 1);

        var api = await http.GetStringAsync($"{cluster.BaseUrl}/metrics");
        Assert.Matches(@"(?m)^http_server_request_duration_seconds_count\{", api);
        Assert.DoesNotMatch("(?m)^openc3_tasks_finished_total", api);
    }

    /// <summary>The value of a counter's series with <c>status="…"</c>, 0 when the silo has none.</summary>
    private static long Count(string metrics, string name, string status) =>
        Series().Matches(metrics)
            .Where(m => m.Groups["name"].Value == name && m.Groups["labels"].Value.Contains($"status=\"{status}\"", StringComparison.Ordinal))
            .Sum(m => (long)double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?m)^(?<name>\w+)\{(?<labels>[^}]*)\} (?<value>[0-9.eE+]+)")]
    private static partial Regex Series();
}
