using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>An every-minute crontab on two silos sharing MariaDB: each minute runs once, on whichever silo hosts the crontab.</summary>
public sealed class CrontabClusterTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    private const string J = "/api/job";
    private const int Fires = 3;

    [Fact]
    public async Task EveryMinute_RunsOncePerMinute_NeverTwice()
    {
        using var app = cluster.App();
        var name = $"cluster-cron-{Guid.NewGuid():N}"[..24];
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-{name}");
        var step = new Dictionary<string, object?>
        {
            ["plugin_type"] = "cmd", ["name"] = "mark", ["user"] = TestServers.SshUser, ["node_type"] = "builtin", ["node_cont"] = TestServers.SshHosts[20],
            ["scripts_type"] = "shell", ["scripts_cont"] = $"echo run >> {marks}", ["scripts_argv"] = "", ["timeout"] = "60",
        };
        var job = Ok(await app.PostAsync($"{J}/jobs/0", new { name, permanent = 1, data = new[] { step } })).GetProperty("uuid").GetString()!;
        var id = Ok(await app.PostAsync($"{J}/crontab/0", new { name, jobuuid = job, cron = "* * * * *", mutex = "" })).GetProperty("id").GetInt64();
        Ok(await app.PostAsync($"{J}/crontab/0/{id}/status", new { status = "available" }));

        async Task<List<JsonElement>> RunsAsync() =>
            Ok(await app.GetAsync($"{J}/task/0?name={name}")).GetProperty("data").EnumerateArray().Where(t => t.GetProperty("jobuuid").GetString() == job).ToList();

        await Eventually.WaitAsync(RunsAsync, runs => runs.Count >= Fires, TimeSpan.FromSeconds(70 * Fires + 30), $"{Fires} runs of the crontab");
        Ok(await app.PostAsync($"{J}/crontab/0/{id}/status", new { status = "unavailable" }));
        var runs = await Eventually.WaitAsync(RunsAsync, r => r.All(t => t.GetProperty("status").GetString() == "success"), TimeSpan.FromSeconds(90), "the runs to succeed");

        var minutes = runs.Select(t => t.GetProperty("starttime").GetString()![..16]).ToList();
        Assert.Equal(minutes.Count, minutes.Distinct().Count());
        Assert.All(runs, t => Assert.Equal("crontab", t.GetProperty("calltype").GetString()));
        Assert.Equal(runs.Count, File.ReadAllLines(marks).Length);
        File.Delete(marks);
    }

    private static JsonElement Ok(JsonElement reply)
    {
        Assert.True(reply.GetProperty("stat").GetBoolean(), reply.ToString());
        return reply;
    }
}
