using System.Globalization;
using System.Text.Json;
using OpenC3.TestSupport;

namespace OpenC3.ClusterTests;

/// <summary>
/// kill -9 of the silo that owns a 50-host task, an every-minute crontab and a pending approval, on MariaDB with
/// two silos and a client-mode API: the survivor carries all three on, and a restart duplicates nothing.
/// </summary>
public sealed class SiloCrashTests(MariaDbCluster cluster) : IClassFixture<MariaDbCluster>
{
    private const string J = "/api/job";
    private const int HostCount = 50;
    private const int ApprovalTimeoutSeconds = 60;

    /// <summary>Death declaration of the killed silo plus one watchdog or reminder period, with room for a loaded machine.</summary>
    private static readonly TimeSpan Takeover = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task KillingTheSiloThatOwnsATaskACrontabAndAnApproval_TheSurvivorCarriesThemOn_AndARestartDuplicatesNothing()
    {
        using var app = cluster.App();
        var hosts = TestServers.SshHosts.Take(HostCount).ToList();
        Assert.True(hosts.Count == HostCount, $"the farm needs {HostCount} hosts (OPENC3_TEST_HOSTS)");
        var marks = Path.Combine(Path.GetTempPath(), $"openc3-silo-crash-{Guid.NewGuid():N}");

        // With silo 1 gone, everything below is placed on silo 0, so killing silo 0 later kills its owner.
        await cluster.KillSiloAsync(1);
        await WaitActiveSilosAsync(1);
        var cron = await EveryMinuteCrontab.StartAsync(app, $"crash-cron-{Guid.NewGuid():N}"[..24], hosts[0]);
        var approval = Data(await app.PostAsync($"{J}/task/0/plugin_approval", new
        {
            name = "crash-approval", cont = "please", approver = "carol", deployenv = "always", action = "always", batches = "always",
            everyone = "off", timeout = ApprovalTimeoutSeconds,
        })).GetProperty("uuid").GetString()!;
        var started = Data(await PluginCommand.StartAsync(app, "silo-crash", hosts, $"h=$(echo $SSH_CONNECTION | cut -d' ' -f3); if [ -e {marks}.$h ]; then echo retried >> {marks}.$h; exit 0; fi; echo run > {marks}.$h; sleep 150", 300));
        var uuid = started.GetProperty("uuid").GetString()!;
        var stepUuid = started.GetProperty("loguuid").GetString()![12..24];
        await Eventually.WaitAsync(
            async () => (hosts.Count(h => File.Exists($"{marks}.{h}")), Data(await app.GetAsync($"{J}/subtask/0/{uuid}/{stepUuid}")).GetProperty("hosts").ToString()),
            started => started.Item1 == HostCount,
            TimeSpan.FromSeconds(90),
            "all hosts to start (the value shows the step's hosts)");
        Assert.Equal(0, cluster.SiloLogging($"Running step {uuid}:{stepUuid}"));

        await cluster.RestartSiloAsync(1);
        await WaitActiveSilosAsync(2);
        var killedAt = DateTimeOffset.UtcNow;
        await cluster.KillSiloAsync(0);

        // The task: hosts that were mid-command are incomplete, the step waits for a decision.
        var waiting = await Eventually.WaitAsync(() => TaskAsync(app, uuid), t => t.GetProperty("status").GetString() == "waiting", Takeover, "the task to come back on the survivor, waiting for a decision");
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        var step = Data(await app.GetAsync($"{J}/subtask/0/{uuid}/{stepUuid}"));
        Assert.Equal("decision", step.GetProperty("status").GetString());
        Assert.Equal(HostCount, step.GetProperty("hosts").GetArrayLength());
        Assert.All(step.GetProperty("hosts").EnumerateArray(), h => Assert.Equal("incomplete", h.GetProperty("status").GetString()));

        // The approval still timed out on time.
        var timedOut = await Eventually.WaitAsync(() => TaskAsync(app, approval), t => t.GetProperty("status").GetString() == "fail", Takeover, "the approval to time out");
        Assert.Equal("approval timeout", timedOut.GetProperty("reason").GetString());
        var late = Seconds(timedOut, "finishtimems") - Seconds(timedOut, "starttimems") - ApprovalTimeoutSeconds;
        Assert.InRange(late, 0, 45);

        // The crontab: the survivor was told of the death and fires it from the next minute on.
        await Eventually.WaitAsync(() => Task.FromResult(cluster.SiloLog(1)), log => log.Contains("declared dead: waking the crontabs", StringComparison.Ordinal), Takeover, "the survivor to wake the crontabs");
        await Eventually.WaitAsync(
            () => cron.RunsAsync(app),
            runs => runs.Any(r => r.GetProperty("status").GetString() == "success" && string.CompareOrdinal(Minute(r), Minute(killedAt)) > 0),
            Takeover,
            "the crontab to fire on the survivor after the kill");
        Assert.Contains($"Crontab {cron.Id} started job", cluster.SiloLog(1), StringComparison.Ordinal);

        var retry = await app.PostAsync($"{J}/subtask/0", new { taskuuid = uuid, subtaskuuid = stepUuid, subtasktype = "cmd", control = "running" });
        Assert.True(retry.GetProperty("stat").GetBoolean(), retry.ToString());
        var done = await Eventually.WaitAsync(() => TaskAsync(app, uuid), t => t.GetProperty("status").GetString() is "success" or "fail", TimeSpan.FromSeconds(90), "the retried task to finish");
        Assert.Equal("success", done.GetProperty("status").GetString());

        // The old owner comes back: nothing runs again, nothing fires twice.
        await cluster.RestartSiloAsync(0);
        await WaitActiveSilosAsync(2);
        await cron.StopAsync(app);
        Assert.All(hosts, h => Assert.Equal(["run", "retried"], File.ReadAllLines($"{marks}.{h}")));
        Assert.Equal("success", (await TaskAsync(app, uuid)).GetProperty("status").GetString());
        var runs = await Eventually.WaitAsync(() => cron.RunsAsync(app), r => r.All(t => t.GetProperty("status").GetString() is "success" or "fail"), TimeSpan.FromSeconds(90), "the crontab's runs to end");
        var minutes = runs.Select(r => r.GetProperty("starttime").GetString()![..16]).ToList();
        Assert.Equal(minutes.Count, minutes.Distinct().Count());
        Assert.Equal(runs.Count(r => r.GetProperty("status").GetString() == "success"), File.ReadAllLines(cron.Marks).Length);
        File.Delete(cron.Marks);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(marks)!, Path.GetFileName(marks) + ".*"))
        {
            File.Delete(file);
        }
    }

    private async Task WaitActiveSilosAsync(int count)
    {
        await using var orleans = await OrleansTestClient.ConnectAsync(cluster.Common);
        var management = orleans.Grains.GetGrain<IManagementGrain>(0);
        await Eventually.WaitAsync(async () => (await management.GetHosts(onlyActive: true)).Count, n => n == count, Takeover, $"{count} active silo(s)");
    }

    private static async Task<JsonElement> TaskAsync(ApiClient app, string uuid) => Data(await app.GetAsync($"{J}/task/0/{uuid}"));

    /// <summary>Upstream's `*timems` fields: seconds since the epoch with a fraction.</summary>
    private static double Seconds(JsonElement task, string field) => double.Parse(task.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);

    private static string Minute(JsonElement run) => run.GetProperty("starttime").GetString()![..16];

    private static string Minute(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static JsonElement Ok(JsonElement reply) => EveryMinuteCrontab.Ok(reply);

    private static JsonElement Data(JsonElement reply) => Ok(reply).GetProperty("data");
}
