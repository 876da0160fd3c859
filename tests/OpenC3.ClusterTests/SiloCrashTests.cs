using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>kill -9 of the silo that runs a step, on MariaDB with two silos and a client-mode API.</summary>
public sealed class SiloCrashTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    [Fact]
    public async Task KillingTheSiloRunningAStep_LeavesItsHostsIncomplete_OnTheSurvivor_AndRunningRetriesThem()
    {
        using var app = cluster.App();
        var hosts = TestServers.SshHosts.Skip(10).Take(3).ToList();
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-silo-crash-{Guid.NewGuid():N}");
        var started = (await app.PostAsync("/api/job/task/0/plugin_cmd", new
        {
            name = "silo-crash",
            user = TestServers.SshUser,
            node_type = "builtin",
            node_cont = string.Join(',', hosts),
            scripts_type = "shell",
            scripts_cont = $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); if [ -e {marks}.$h ]; then echo retried; exit 0; fi; touch {marks}.$h; sleep 40",
            timeout = 120,
        })).GetProperty("data");
        var uuid = started.GetProperty("uuid").GetString()!;
        var stepUuid = started.GetProperty("loguuid").GetString()![12..24];
        await Eventually.WaitAsync(() => Task.FromResult(hosts.Count(h => File.Exists($"{marks}.{h}"))), n => n == hosts.Count, TimeSpan.FromSeconds(60), "all hosts to start");

        var runner = cluster.SiloLogging($"Running step {uuid}:{stepUuid}");
        Assert.True(runner >= 0, "one silo logged that it runs the step");
        await cluster.KillSiloAsync(runner);

        var waiting = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() == "waiting",
            TimeSpan.FromMinutes(3),
            "the task to come back on the surviving silo, waiting for a decision");
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        var step = (await app.GetAsync($"/api/job/subtask/0/{uuid}/{stepUuid}")).GetProperty("data");
        Assert.Equal("decision", step.GetProperty("status").GetString());
        Assert.All(step.GetProperty("hosts").EnumerateArray(), h => Assert.Equal("incomplete", h.GetProperty("status").GetString()));

        var retry = await app.PostAsync("/api/job/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control = "running" });
        Assert.True(retry.GetProperty("stat").GetBoolean(), retry.ToString());
        var done = await Eventually.WaitAsync(
            async () => (await app.GetAsync($"/api/job/task/0/{uuid}")).GetProperty("data"),
            t => t.GetProperty("status").GetString() is "success" or "fail",
            TimeSpan.FromSeconds(90),
            "the retried task to finish");
        Assert.Equal("success", done.GetProperty("status").GetString());
        foreach (var host in hosts)
        {
            File.Delete($"{marks}.{host}");
        }

        await cluster.RestartSiloAsync(runner);
    }
}
